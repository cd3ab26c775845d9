"""`verify --boot` under --root or in a container: the running kernel and the default entry are
the machine's, not the image's, so they were not checked. Said, rather than passed silently."""
from migrate.checks.base import INFO, VERIFY, Check, Problem


class BootNotChecked(Check):
    id = "BOOT_NOT_CHECKED"
    phase = VERIFY
    verify_boot_only = True
    severity = INFO
    title = "The running kernel and the default entry were not checked"
    remediation = "Run `almalinux-migrate verify --boot` on the booted machine itself."

    def evaluate(self, facts, given):
        if facts.boot is None:
            return Problem("skipped: not the live machine (--root)")
        if facts.boot.container:
            return Problem("skipped: a container (%s)" % facts.boot.container)
        return None

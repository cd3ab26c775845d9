"""Inside a container there is no bootloader or kernel of its own: the conversion converts the
packages and skips every boot step. Said up front so nobody expects a new kernel; the boot
steps skip on this same verdict (Facts.boot.container, migrate/facts/boot/container.py)."""
from migrate.checks.base import INFO, Check, Problem


class Container(Check):
    id = "CONTAINER"
    conversion_only = True
    severity = INFO
    needs_live = True
    title = "Running inside a container"
    remediation = ("Nothing to do: packages are converted, the host's kernel and bootloader are not. "
                   "Convert the container image too, or it comes back unconverted.")

    def evaluate(self, facts, given):
        container = facts.boot.container if facts.boot is not None else ""
        if container:
            return Problem("Detected: %s; the boot steps will be skipped." % container,
                           data={"container": container})
        return None

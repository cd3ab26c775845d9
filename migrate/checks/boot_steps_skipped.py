"""Say before converting that a container's boot path is left alone: it has no kernel or boot
loader of its own, and a half-done boot path is worse than none (almalinux-deploy #89, #90)."""
from migrate.checks.base import INFO, Check, Problem


class BootStepsSkipped(Check):
    id = "BOOT_STEPS_SKIPPED"
    severity = INFO
    needs_live = True
    title = "The boot steps will be skipped"
    remediation = "Nothing to do: the host that runs this container keeps its own boot path."

    def evaluate(self, facts, given):
        if facts.boot is None or not facts.boot.container:
            return None
        return Problem("Running in a container (%s)." % facts.boot.container,
                       data={"container": facts.boot.container})

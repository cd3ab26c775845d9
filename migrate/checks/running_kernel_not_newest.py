"""A host that was updated but not rebooted runs an older kernel than it has installed: the
conversion would then be judged against the wrong kernel and modules, and the first reboot
after it changes two things at once (convert2rhel IS_LOADED_KERNEL_LATEST)."""
from migrate.checks.base import WARNING, Check, Problem
from migrate.checks.kernels import kernel_packages, newest, running_kernel_package


class RunningKernelNotNewest(Check):
    id = "RUNNING_KERNEL_NOT_NEWEST"
    conversion_only = True
    severity = WARNING
    needs_live = True
    requires = ("RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE",)
    title = "The running kernel is not the newest installed one"
    remediation = "Reboot into the newest kernel (grubby --default-kernel shows which), then convert."

    def evaluate(self, facts, given):
        running = running_kernel_package(facts)
        if running is None:
            return None  # CUSTOM_KERNEL says so
        latest = newest([p for p in kernel_packages(facts) if p.name == running.name and p.arch == running.arch])
        if latest.evr != running.evr:
            return Problem("Running %s, newest installed %s." % (facts.running_kernel, latest.nevra),
                           data={"running": facts.running_kernel, "newest": latest.nevra})
        return None

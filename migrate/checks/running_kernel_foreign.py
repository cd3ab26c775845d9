"""`verify --boot`: after the reboot the machine runs an AlmaLinux kernel. When it came up in the
old vendor's kernel again, the default entry or the firmware's boot order did not take."""
from migrate.checks.base import BLOCKER, VERIFY, Check, Problem
from migrate.plan.boot import boot_package_names, trusted_kernel_releases


class RunningKernelForeign(Check):
    id = "RUNNING_KERNEL_FOREIGN"
    phase = VERIFY
    verify_boot_only = True
    severity = BLOCKER
    needs_live = True
    title = "The running kernel is not an AlmaLinux one"
    remediation = "Reboot; if the machine came up in the old kernel again, check `grubby --default-kernel`."

    def evaluate(self, facts, given):
        if facts.boot is None or facts.boot.container:
            return None  # BOOT_NOT_CHECKED says so
        kernels, _ = boot_package_names(given.target.profile, facts.arch)
        if facts.running_kernel not in trusted_kernel_releases(facts.packages, kernels, given.origin_keyids):
            return Problem("running %s" % (facts.running_kernel or "an unknown kernel"))
        return None

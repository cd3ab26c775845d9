"""`verify --boot`: the old vendor's kernels stay installed after the conversion as the fallback
entry (SET_DEFAULT_KERNEL never removes them); once AlmaLinux's kernel has booted they can go."""
from migrate.checks.base import VERIFY, WARNING, Check, Problem
from migrate.plan.boot import boot_package_names, foreign_boot_packages


class ForeignKernelsLeft(Check):
    id = "FOREIGN_KERNELS_LEFT"
    phase = VERIFY
    verify_boot_only = True
    severity = WARNING
    title = "Kernels of another vendor are still installed"
    remediation = ("They were kept as the fallback; remove them (dnf remove) once AlmaLinux's kernel boots "
                   "fine.")

    def evaluate(self, facts, given):
        kernels, _ = boot_package_names(given.target.profile, facts.arch)
        fallback = foreign_boot_packages(facts.packages, kernels, given.origin_keyids)
        if fallback:
            return Problem(", ".join(fallback))
        return None

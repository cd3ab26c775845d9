"""Loaded out-of-tree kernel modules (taint flag O) with no build for the AlmaLinux kernel the
plan installs: after the reboot they are simply missing (a storage or network driver among
them can leave the host unreachable). A build counts when the module is already under that
kernel's /lib/modules/<release>/{extra,updates,weak-updates} or a package in the
transaction provides kmod(NAME.ko) (convert2rhel's "kernel modules not available in RHEL",
Leapp's kernel-driver checks). DKMS-managed modules are DKMS_MODULES' to report: DKMS
rebuilds them when the new kernel arrives. The modules named here TAINTED_MODULES leaves out
(tainted_modules.named_once)."""
from migrate.checks.base import TARGET, WARNING, Check, Problem
from migrate.checks.dkms_modules import dkms_names

OUT_OF_TREE = "O"


def missing_builds(loaded, target_kernel, module_builds, kmods, dkms_modules):
    """Sorted names of loaded out-of-tree modules without a build for target_kernel."""
    if not target_kernel:
        return []
    built = set(dict(module_builds or ()).get(target_kernel, ())) | set(kmods or ())
    names = set(m.name.replace("-", "_") for m in loaded or () if OUT_OF_TREE in m.taints)
    return sorted(names - built - dkms_names(dkms_modules))


class KernelModulesMissing(Check):
    id = "KERNEL_MODULES_MISSING"
    conversion_only = True
    severity = WARNING
    needs_live = True
    phase = TARGET
    requires = ("TRANSACTION_UNSOLVABLE",)
    title = "Loaded out-of-tree kernel modules have no build for the AlmaLinux kernel"
    remediation = ("Install the module's build for the AlmaLinux kernel (its vendor's kmod package "
                   "for EL, or DKMS with kernel-devel) before rebooting, or check the host does not "
                   "need it (modprobe -r NAME).")

    def evaluate(self, facts, given):
        plan = given.plan or {}
        missing = missing_builds(facts.loaded_modules, plan.get("target_kernel"), facts.module_builds,
                                 plan.get("kmods"), facts.dkms_modules)
        if missing:
            return Problem("%s (AlmaLinux kernel %s)" % (", ".join(missing), plan.get("target_kernel")),
                           data={"modules": missing, "kernel": plan.get("target_kernel")})
        return None

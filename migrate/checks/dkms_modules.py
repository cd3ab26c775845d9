"""DKMS builds modules against the kernel headers on each kernel install; after the conversion
the AlmaLinux kernel-devel must be there, and the build can fail (NVIDIA, ZFS:
almalinux-deploy #208). Known beforehand, the admin can plan the rebuild."""
from migrate.checks.base import WARNING, Check, Problem


def dkms_names(dkms_modules):
    """The module names of DKMS entries ("nvidia/535.104.05" -> "nvidia"), spelt as the kernel
    lists loaded modules (underscores)."""
    return set(m.split("/")[0].replace("-", "_") for m in dkms_modules or ())


class DkmsModules(Check):
    id = "DKMS_MODULES"
    conversion_only = True
    severity = WARNING
    title = "DKMS kernel modules are installed"
    remediation = ("After converting, install kernel-devel for the new kernel and run `dkms autoinstall`; "
                   "check `dkms status` before rebooting.")

    def evaluate(self, facts, given):
        if facts.dkms_modules:
            return Problem(", ".join(facts.dkms_modules), data={"modules": list(facts.dkms_modules)})
        return None

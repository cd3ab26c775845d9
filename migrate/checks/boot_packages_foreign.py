"""`verify --boot`: shim, grub2 or fwupd still signed by another vendor. Under Secure Boot the
AlmaLinux shim does not load another vendor's grub2, and the old vendor's shim is not trusted to
load AlmaLinux's kernel: the next boot depends on these being AlmaLinux's."""
from migrate.checks.base import BLOCKER, VERIFY, Check, Problem
from migrate.plan.boot import boot_package_names, foreign_boot_packages


class BootPackagesForeign(Check):
    id = "BOOT_PACKAGES_FOREIGN"
    phase = VERIFY
    verify_boot_only = True
    severity = BLOCKER
    title = "Boot packages are still signed by another vendor"
    remediation = ("Reinstall them from AlmaLinux (dnf reinstall NAME); under Secure Boot the next boot "
                   "depends on it.")

    def evaluate(self, facts, given):
        _, loaders = boot_package_names(given.target.profile, facts.arch)
        foreign = foreign_boot_packages(facts.packages, loaders, given.origin_keyids)
        if foreign:
            return Problem(", ".join(foreign))
        return None

"""Under Secure Boot only binaries signed for the shim in use boot: after the conversion the
AlmaLinux shim trusts AlmaLinux's kernels, not Oracle's UEK, custom kernels or DKMS modules
signed with another key (almalinux-deploy #130: Secure Boot boot loop)."""
from migrate.checks.base import INFO, WARNING, Check, Problem

FOREIGN_BOOT_PACKAGE_PREFIXES = ("kernel-uek", "kernel-ml", "kernel-lt")


class SecureBoot(Check):
    id = "SECURE_BOOT"
    conversion_only = True
    severity = INFO
    needs_live = True
    requires = ("UNSUPPORTED_SOURCE",)
    title = "Secure Boot is enabled"
    remediation = ("The conversion installs AlmaLinux's signed shim, grub2 and kernel. Remove kernels "
                   "and modules signed by others (or enroll their key with mokutil) before rebooting.")

    def evaluate(self, facts, given):
        if facts.firmware is None or not facts.firmware.secure_boot:
            return None
        foreign = sorted(set(p.name for p in facts.packages if p.name.startswith(FOREIGN_BOOT_PACKAGE_PREFIXES)))
        foreign += ["dkms:" + m for m in facts.dkms_modules]
        if foreign:
            return Problem("Will not load under the AlmaLinux shim: " + ", ".join(foreign),
                           severity=WARNING, data={"foreign": foreign})
        return Problem("The firmware enforces Secure Boot.")

"""Under Secure Boot only binaries signed for the shim in use boot: after the conversion the
AlmaLinux shim trusts AlmaLinux's kernels, not Oracle's UEK, the source vendor's own kernels kept
as fallback, custom kernels or DKMS modules signed with another key (almalinux-deploy #130:
Secure Boot boot loop). Reported before converting, when there is still time to act."""
from migrate.checks.base import INFO, WARNING, Check, Problem

FOREIGN_KERNEL_PREFIXES = ("kernel-uek", "kernel-ml", "kernel-lt")


class SecureBoot(Check):
    id = "SECURE_BOOT"
    conversion_only = True
    severity = INFO
    severity_doc = "info; warning when UEK, ELRepo kernels or DKMS modules would not load"
    needs_live = True
    requires = ("UNSUPPORTED_ARCH",)
    title = "Secure Boot is enabled"
    remediation = ("The conversion installs AlmaLinux's signed shim, grub2 and kernel. Remove kernels "
                   "and modules signed by others (or enroll their key with mokutil) before rebooting "
                   "into them; AlmaLinux's own kernel is the default entry.")

    def evaluate(self, facts, given):
        if facts.boot is None or not facts.boot.secure_boot:  # the verdict VERIFY_BOOT_ENTRY uses too
            return None
        target, source = given.target.profile, given.source.profile
        theirs = set(source.kernel_packages if source else ()) - set(target.kernel_packages if target else ())
        foreign = sorted(set(p.name for p in facts.packages
                             if p.name in theirs or p.name.startswith(FOREIGN_KERNEL_PREFIXES)))
        foreign += ["dkms:" + m for m in facts.dkms_modules]
        if foreign:
            return Problem("Will not load under the AlmaLinux shim: " + ", ".join(foreign),
                           severity=WARNING, data={"secure_boot": True, "foreign": foreign})
        return Problem("The firmware enforces Secure Boot; shim, grub2 and the kernel will be "
                       "AlmaLinux-signed builds after the conversion.", data={"secure_boot": True})

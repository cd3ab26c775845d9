"""Report Secure Boot before converting: with it on, the next boot needs shim, grub2 and the
kernel signed for AlmaLinux's chain, and kernels of other vendors (UEK) kept as fallback will
not boot behind AlmaLinux's shim (almalinux-deploy only warns after the fact)."""
from migrate.checks.base import INFO, WARNING, Check, Problem


class SecureBoot(Check):
    id = "SECURE_BOOT"
    severity = INFO
    needs_live = True
    requires = ("UNSUPPORTED_ARCH",)
    title = "Secure Boot is enabled"
    remediation = ("Nothing to do for AlmaLinux's own kernels; remove other vendors' kernels after "
                   "the first boot into AlmaLinux's, or enroll their keys with mokutil.")

    def evaluate(self, facts, given):
        boot = facts.boot
        if boot is None or not boot.secure_boot:
            return None
        target, source = given.target.profile, given.source.profile
        theirs = set(source.kernel_packages if source else ()) - set(target.kernel_packages if target else ())
        foreign = sorted(set(p.name for p in facts.packages if p.name in theirs))
        detail = "shim, grub2 and the kernel will be AlmaLinux-signed builds after the conversion."
        if foreign:
            return Problem("%s These kernels are signed by another vendor and will not boot under "
                           "Secure Boot: %s." % (detail, ", ".join(foreign)), severity=WARNING,
                           data={"secure_boot": True, "foreign_kernels": foreign})
        return Problem(detail, data={"secure_boot": True})

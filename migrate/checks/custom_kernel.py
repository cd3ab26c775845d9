"""The conversion replaces the source vendor's kernels; a kernel that no package owns (built
by hand) or that another vendor ships (ELRepo kernel-ml, a hosting provider's) is left as it
is and may stay the boot default, while its modules lose their userspace
(convert2rhel RHEL_COMPATIBLE_KERNEL; almalinux-deploy #148)."""
from migrate.checks.base import WARNING, Check, Problem
from migrate.checks.kernels import running_kernel_package
from migrate.checks.vendors import own_vendors


class CustomKernel(Check):
    id = "CUSTOM_KERNEL"
    conversion_only = True
    severity = WARNING
    needs_live = True
    requires = ("UNSUPPORTED_SOURCE", "RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE")
    title = "The running kernel is not one of the source distribution's kernels"
    remediation = ("Install and boot the distribution kernel first (dnf install kernel; grubby "
                   "--set-default /boot/vmlinuz-VERSION; reboot), or remove the custom kernel after converting.")

    def evaluate(self, facts, given):
        if not facts.running_kernel or not facts.packages:
            return None
        package = running_kernel_package(facts)
        if package is None:
            return Problem("No installed package owns the running kernel %s." % facts.running_kernel)
        vendors = own_vendors(given)  # the source's kernels, or AlmaLinux's already
        if given.source.profile is not None and package.vendor not in vendors:
            return Problem("The running kernel %s comes from %s." % (package.nevra, package.vendor or "no vendor"),
                           data={"package": package.nevra, "vendor": package.vendor})
        return None

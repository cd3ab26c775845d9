"""Oracle Linux's Unbreakable Enterprise Kernel has no AlmaLinux build: it stays from Oracle,
may remain the boot default, and Oracle's signature does not boot under AlmaLinux's shim
(almalinux-deploy removes it with rpm --nodeps even while it runs:
github.com/AlmaLinux/almalinux-deploy #143)."""
from migrate.checks.base import WARNING, Check, Problem
from migrate.checks.kernels import running_kernel_package

UEK_PREFIX = "kernel-uek"


class UekKernel(Check):
    id = "UEK_KERNEL"
    conversion_only = True
    severity = WARNING
    requires = ("RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE",)
    title = "Oracle UEK kernels are installed"
    remediation = ("Boot the Red Hat compatible kernel (dnf install kernel; grubby --set-default; reboot), "
                   "then dnf remove 'kernel-uek*' before or right after converting.")

    def evaluate(self, facts, given):
        uek = sorted(p.nevra for p in facts.packages if p.name.startswith(UEK_PREFIX))
        if not uek:
            return None
        running = running_kernel_package(facts)
        note = " The running kernel is UEK." if running is not None and running.name.startswith(UEK_PREFIX) else ""
        return Problem("%d package(s): %s.%s" % (len(uek), ", ".join(uek), note), data={"packages": uek})

"""`verify --boot`: the default boot entry names an AlmaLinux kernel and every file it loads
exists, so the next reboot comes up in AlmaLinux too."""
from migrate.checks.base import BLOCKER, VERIFY, Check, Problem
from migrate.facts.boot.model import BootEntry
from migrate.plan.boot import boot_package_names, trusted_kernel_releases

NO_ENTRY = BootEntry("", (), ())


class DefaultEntryForeign(Check):
    id = "DEFAULT_ENTRY_FOREIGN"
    phase = VERIFY
    verify_boot_only = True
    severity = BLOCKER
    needs_live = True
    title = "The default boot entry is not a complete AlmaLinux one"
    remediation = ("grubby --set-default /boot/vmlinuz-<AlmaLinux kernel>; reinstall the kernel-core package "
                   "if its files are missing.")

    def evaluate(self, facts, given):
        if facts.boot is None or facts.boot.container:
            return None  # BOOT_NOT_CHECKED says so
        entry = facts.boot.default_entry or NO_ENTRY
        kernels, _ = boot_package_names(given.target.profile, facts.arch)
        ours = trusted_kernel_releases(facts.packages, kernels, given.origin_keyids)
        if entry.release not in ours or entry.missing:
            return Problem("default kernel %s%s" % (entry.kernel or "none",
                                                   "; missing: " + ", ".join(entry.missing) if entry.missing else ""))
        return None

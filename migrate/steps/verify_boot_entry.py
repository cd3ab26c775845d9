"""VERIFY_BOOT_ENTRY: before the reboot, the default entry names an AlmaLinux kernel whose files
all exist, the UEFI loader files exist, and no foreign-signed shim or grub2 is left to meet
Secure Boot. A reboot is only safe when these hold; `verify --boot` asks the same after it
(checks/boot_packages_foreign.py and its neighbours)."""
from migrate.errors import MigrateError
from migrate.facts.boot.collect import read_default_entry
from migrate.facts.boot.model import UEFI
from migrate.plan.boot import boot_package_names, foreign_boot_packages
from migrate.steps.boot_step import BootStep
from migrate.steps.set_default_kernel import target_kernel


def boot_problems(state, entry, secure_boot):
    """(problems that make the next boot unsafe, warnings) for the converted boot path."""
    problems, warnings = [], []
    release = target_kernel(state)
    if entry.release != release:
        problems.append("the default entry boots %s, not the AlmaLinux kernel %s"
                        % (entry.kernel or "nothing", release))
    missing = list(entry.missing)
    if state.boot.bootloader == UEFI:
        loaders = ["%s/%s" % (state.esp_dir, state.arch_data.get(k, "")) for k in ("shim", "grub_efi")]
        missing += [path for path in loaders if not state.ctx.root.exists(path)]
    if missing:
        problems.append("missing: " + ", ".join(missing))
    kernels, loaders = boot_package_names(state.profile, state.arch)
    foreign = foreign_boot_packages(state.packages, loaders, state.trusted_keyids)
    if foreign:
        (problems if secure_boot else warnings).append("still signed by another vendor: " + ", ".join(foreign))
    fallback = foreign_boot_packages(state.packages, kernels, state.trusted_keyids)
    if fallback:
        warnings.append("foreign kernels kept as fallback: " + ", ".join(fallback))
    return problems, warnings


class VerifyBootEntry(BootStep):
    id = "VERIFY_BOOT_ENTRY"
    title = "Verify the default boot entry"

    def apply(self, ctx):
        state = self.state(ctx)
        # read again: SET_DEFAULT_KERNEL has just changed it
        entry = read_default_entry(ctx.root, ctx.runner)
        problems, warnings = boot_problems(state, entry, state.boot.secure_boot)
        if problems:
            raise MigrateError("the next boot is not safe: %s" % "; ".join(problems))
        return "; ".join(["default entry and its files are in place"] + warnings)

"""VERIFY_BOOT_ENTRY, and the boot part of `verify --boot`: the default entry names an
AlmaLinux kernel whose files all exist, the UEFI loader files exist, and no foreign-signed
shim or grub2 is left to meet Secure Boot. A reboot is only safe when these hold."""
from migrate.boot.base import BootStep
from migrate.boot.kernel import target_kernel
from migrate.boot.model import UEFI
from migrate.boot.parse import parse_grubby_info
from migrate.boot.plan import foreign_boot_packages
from migrate.errors import MigrateError


def entry_files(info):
    """The files a `grubby --info` entry needs: its kernel and every initrd ($variables skipped)."""
    files = [info.get("kernel", "")] + info.get("initrd", "").split()
    return [f for f in files if f and not f.startswith("$")]


def missing_files(root, paths):
    missing = []
    for path in paths:
        # BLS paths are relative to the /boot partition; grubby usually adds the /boot prefix
        if not root.exists(path) and not (not path.startswith("/boot/") and root.exists("/boot" + path)):
            missing.append(path)
    return missing


def read_default_entry(runner):
    return parse_grubby_info(runner.run(["grubby", "--info", "DEFAULT"], check=False).stdout)


def boot_problems(state, info, secure_boot):
    """(problems that make the next boot unsafe, warnings) for the converted boot path."""
    problems, warnings = [], []
    release = target_kernel(state)
    if info.get("kernel", "").rsplit("vmlinuz-", 1)[-1] != release:
        problems.append("the default entry boots %s, not the AlmaLinux kernel %s"
                        % (info.get("kernel") or "nothing", release))
    files = entry_files(info)
    if state.boot.bootloader == UEFI:
        files += ["%s/%s" % (state.esp_dir, state.arch_data.get(k, "")) for k in ("shim", "grub_efi")]
    missing = missing_files(state.ctx.root, files)
    if missing:
        problems.append("missing: " + ", ".join(missing))
    kernels = set(state.profile.kernel_packages) | {"kernel"}
    loaders = [n for n in state.arch_data.get("packages", []) if n not in kernels]
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
        problems, warnings = boot_problems(state, read_default_entry(ctx.runner), state.boot.secure_boot)
        if problems:
            raise MigrateError("the next boot is not safe: %s" % "; ".join(problems))
        return "; ".join(["default entry and its files are in place"] + warnings)

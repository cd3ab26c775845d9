"""VERIFY_BOOT_ENTRY, and the boot part of `verify --boot`: the default entry names an
AlmaLinux kernel whose files all exist, the UEFI loader files exist, and no foreign-signed
shim or grub2 is left to meet Secure Boot. A reboot is only safe when these hold."""
from migrate.boot.base import BootStep
from migrate.boot.collect import collect_boot
from migrate.boot.kernel import target_kernel
from migrate.boot.model import UEFI
from migrate.boot.parse import parse_grubby_info
from migrate.boot.plan import foreign_boot_packages, kernel_release
from migrate.findings import INFO, WARNING, command_finding
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


# -- verify --boot, after the reboot ---------------------------------------------------------

def _trusted_releases(packages, kernel_names, trusted_keyids):
    return set(kernel_release(p) for p in packages if p.name in kernel_names and p.keyid in trusted_keyids)


def verify_boot(ctx, trusted_keyids):
    """Findings of `verify --boot`: the running kernel and the default entry are AlmaLinux's,
    the entry's files exist, no shim/grub2/fwupd of another vendor is left."""
    profile, arch, packages = ctx.target.profile, ctx.facts.arch, ctx.facts.packages
    kernels = set(profile.kernel_packages) | {"kernel"}
    loaders = [n for n in profile.boot.get(arch, {}).get("packages", []) if n not in kernels]
    findings = []
    foreign = foreign_boot_packages(packages, loaders, trusted_keyids)
    if foreign:
        findings.append(command_finding(
            "BOOT_PACKAGES_FOREIGN", "Boot packages are still signed by another vendor",
            ", ".join(foreign), "Reinstall them from AlmaLinux (dnf reinstall NAME); under Secure "
            "Boot the next boot depends on it."))
    fallback = foreign_boot_packages(packages, kernels, trusted_keyids)
    if fallback:
        findings.append(command_finding(
            "FOREIGN_KERNELS_LEFT", "Kernels of another vendor are still installed", ", ".join(fallback),
            "They were kept as the fallback; remove them (dnf remove) once AlmaLinux's kernel boots "
            "fine.", severity=WARNING))
    boot = collect_boot(ctx.root, ctx.runner, arch)
    if boot is None or boot.container:
        findings.append(command_finding(
            "BOOT_NOT_CHECKED", "The running kernel and the default entry were not checked",
            "skipped: %s" % ("not the live machine (--root)" if boot is None else "a container (%s)" % boot.container),
            "Run `almalinux-migrate verify --boot` on the booted machine itself.", severity=INFO))
        return findings
    ours = _trusted_releases(packages, kernels, trusted_keyids)
    if boot.running_kernel not in ours:
        findings.append(command_finding(
            "RUNNING_KERNEL_FOREIGN", "The running kernel is not an AlmaLinux one",
            "running %s" % (boot.running_kernel or "an unknown kernel"),
            "Reboot; if the machine came up in the old kernel again, check `grubby --default-kernel`."))
    info = read_default_entry(ctx.runner)
    default = info.get("kernel", "").rsplit("vmlinuz-", 1)[-1]
    missing = missing_files(ctx.root, entry_files(info))
    if default not in ours or missing:
        findings.append(command_finding(
            "DEFAULT_ENTRY_FOREIGN", "The default boot entry is not a complete AlmaLinux one",
            "default kernel %s%s" % (info.get("kernel") or "none", "; missing: " + ", ".join(missing) if missing else ""),
            "grubby --set-default /boot/vmlinuz-<AlmaLinux kernel>; reinstall the kernel-core package "
            "if its files are missing."))
    return findings

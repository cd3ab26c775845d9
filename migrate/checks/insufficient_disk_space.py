"""The what-if knows how much the conversion downloads and installs; a file system that fills
up in the middle of the transaction stops it after the point of no return. Sizes per
directory: the download cache lives in /var/lib/almalinux-migrate, package payload grows
/usr (or /), each new kernel needs room for vmlinuz and initramfs in /boot, shim and grub
in /boot/efi. Directories on one file system add up. The estimate has headroom, not
precision, so a wrong call can be allowed."""
from migrate.checks.base import BLOCKER, TARGET, Check, Problem
from migrate.checks.kernels import KERNEL_NAME

MIB = 1024 * 1024
VAR_MARGIN = 100 * MIB  # rpmdb growth, logs, the journal and backups
KERNEL_BOOT_BYTES = 100 * MIB  # vmlinuz + initramfs + the hmac, per kernel installed
ESP_BYTES = 20 * MIB  # shim, grub, fallback loaders for one vendor directory
ESP_PACKAGES = ("shim", "grub2-efi")
FALLBACK = {"/usr": "/", "/var": "/", "/boot": "/", "/boot/efi": "/boot"}


def _names(plan, kinds):
    return [e["name"] for kind in kinds for e in plan.get(kind, [])]


def required_bytes(plan):
    """{directory: bytes} the transaction needs there."""
    growth = max(plan.get("install_size", 0) - plan.get("remove_size", 0), 0)
    needs = {"/var": plan.get("download_size", 0) + VAR_MARGIN,
             "/usr": growth + plan.get("install_size", 0) // 20}
    changed = _names(plan, ("installed", "upgraded", "downgraded", "lateral", "reinstalled"))
    kernels = [n for n in _names(plan, ("installed",)) if KERNEL_NAME.match(n)]
    kernels = [n for n in kernels if n.endswith("-core")] or kernels  # EL8+: -core owns vmlinuz
    if kernels:
        needs["/boot"] = KERNEL_BOOT_BYTES * len(kernels)
    if any(n.startswith(ESP_PACKAGES) for n in changed):
        needs["/boot/efi"] = ESP_BYTES
    return needs


def _holder(path, by_path):
    while path not in by_path and path in FALLBACK:
        path = FALLBACK[path]
    return by_path.get(path)


class InsufficientDiskSpace(Check):
    id = "INSUFFICIENT_DISK_SPACE"
    conversion_only = True
    severity = BLOCKER
    overridable = True
    phase = TARGET
    requires = ("TRANSACTION_UNSOLVABLE",)
    title = "A file system lacks the space the conversion needs"
    remediation = ("Free space on the named file systems (dnf clean all; journalctl --vacuum-size=100M; "
                   "old kernels: dnf remove --oldinstallonly), or grow them; then run preflight again.")

    def evaluate(self, facts, given):
        if given.plan is None or not facts.free_space:
            return None
        by_path = dict((f.path, f) for f in facts.free_space)
        per_fs = {}
        for path, amount in sorted(required_bytes(given.plan).items()):
            holder = _holder(path, by_path)
            if holder is None:
                continue
            entry = per_fs.setdefault(holder.mountpoint, [0, holder.available, []])
            entry[0] += amount
            entry[2].append(path)
        short = ["%s (for %s): %d MiB needed, %d MiB free" % (mountpoint, ", ".join(paths), need // MIB + 1, free // MIB)
                 for mountpoint, (need, free, paths) in sorted(per_fs.items()) if need > free]
        if short:
            return Problem("; ".join(short), data={"needed": dict((m, v[0]) for m, v in per_fs.items())})
        return None

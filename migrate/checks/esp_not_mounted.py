"""On a UEFI host shim and grub2 install into /boot/efi. If the EFI system partition is not
mounted there, they land on the root file system and the firmware keeps starting the old
vendor's loader (almalinux-deploy #9, #31: no AlmaLinux boot entry)."""
from migrate.checks.base import BLOCKER, Check, Problem

ESP = "/boot/efi"
ESP_TYPES = ("vfat", "msdos", "fat")


class EspNotMounted(Check):
    id = "ESP_NOT_MOUNTED"
    conversion_only = True
    severity = BLOCKER
    needs_live = True
    title = "The host boots through UEFI but its EFI system partition is not mounted at /boot/efi"
    remediation = "Mount it (mount /boot/efi; check /etc/fstab), then run preflight again."

    def evaluate(self, facts, given):
        if facts.boot is None or not facts.boot.uefi:  # a container has no boot path: ""
            return None
        mounted = [m for m in facts.mounts or () if m.target == ESP]
        if not mounted:
            return Problem("Nothing is mounted at /boot/efi.")
        types = set(m.fstype for m in mounted)
        if not types & set(ESP_TYPES + ("autofs",)):  # autofs: systemd mounts it on first access
            return Problem("/boot/efi is %s, not a FAT EFI system partition." % mounted[-1].fstype)
        return None

"""Block when the boot path cannot be traced before anything changes: an unmounted ESP, or no
disk found under /boot on BIOS, means the boot steps would fail after the point of no return
(almalinux-deploy parses `df` and guesses: its #97, #266)."""
from migrate.facts.boot.model import BIOS, PREP, UEFI
from migrate.checks.base import BLOCKER, Check, Problem


class BootLayoutUnknown(Check):
    id = "BOOT_LAYOUT_UNKNOWN"
    severity = BLOCKER
    overridable = True
    needs_live = True
    requires = ("UNSUPPORTED_ARCH", "ESP_NOT_MOUNTED")
    title = "The boot disk or the ESP could not be found"
    remediation = ("Mount the ESP at /boot/efi (UEFI) and check `lsblk`; or --allow "
                   "BOOT_LAYOUT_UNKNOWN and install the boot loader and its entry yourself.")

    def evaluate(self, facts, given):
        boot = facts.boot
        if boot is None or boot.container:
            return None
        if boot.bootloader == UEFI and not boot.esp_members:
            return Problem("UEFI firmware, but %s could not be traced to a partition."
                           % (boot.esp_source or "nothing is mounted at /boot/efi, which"))
        if boot.bootloader == BIOS and not boot.boot_disks:
            return Problem("BIOS firmware, but no disk was found under /boot for grub2-install.")
        if boot.bootloader == PREP and not boot.prep_partitions:
            return Problem("No PReP boot partition was found.")
        return None

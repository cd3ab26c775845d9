"""An EFI system partition on software RAID (md, metadata 1.0) is seen by the firmware as
two plain partitions: each member needs its own boot entry, or the host stops booting when
the disk holding the only entry fails. almalinux-deploy handles just the installer's default
layout and dies on others (#266, Rocky 8 on Hetzner RAID1). UPDATE_EFI_ENTRIES creates one
entry per member, traced from the same Facts.boot; this says so before converting."""
from migrate.checks.base import WARNING, Check, Problem


class EspOnRaid(Check):
    id = "ESP_ON_RAID"
    conversion_only = True
    severity = WARNING
    needs_live = True
    requires = ("ESP_NOT_MOUNTED",)
    title = "The EFI system partition is on software RAID"
    remediation = ("Nothing to do by hand: the conversion (UPDATE_EFI_ENTRIES) adds an AlmaLinux boot entry "
                   "for every RAID member. Afterwards `efibootmgr -v` lists one AlmaLinux entry per member, "
                   "each naming that member's partition in its HD(...) path.")

    def evaluate(self, facts, given):
        boot = facts.boot
        if boot is None or not boot.uefi or not boot.esp_source.startswith("/dev/md"):
            return None
        return Problem("/boot/efi is mounted from %s." % boot.esp_source, data={"device": boot.esp_source})

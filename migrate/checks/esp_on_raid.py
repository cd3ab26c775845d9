"""An EFI system partition on software RAID (md, metadata 1.0) is seen by the firmware as
two plain partitions: each member needs its own boot entry, or the host stops booting when
the disk holding the only entry fails. almalinux-deploy handles just the installer's default
layout and dies on others (#266, Rocky 8 on Hetzner RAID1)."""
from migrate.checks.base import WARNING, Check, Problem

ESP = "/boot/efi"


class EspOnRaid(Check):
    id = "ESP_ON_RAID"
    conversion_only = True
    severity = WARNING
    needs_live = True
    requires = ("ESP_NOT_MOUNTED",)
    title = "The EFI system partition is on software RAID"
    remediation = ("After converting, check `efibootmgr -v` has an AlmaLinux entry on every RAID "
                   "member (efibootmgr -c -d DISK -p PART -L AlmaLinux -l \\\\EFI\\\\almalinux\\\\shimx64.efi).")

    def evaluate(self, facts, given):
        if facts.firmware is None or not facts.firmware.efi:
            return None
        raid = [m.source for m in facts.mounts or () if m.target == ESP and m.source.startswith("/dev/md")]
        if raid:
            return Problem("%s is mounted from %s." % (ESP, raid[-1]), data={"device": raid[-1]})
        return None

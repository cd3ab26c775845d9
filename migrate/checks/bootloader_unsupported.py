"""The conversion's boot path knows grub2 (BIOS, UEFI, PReP) and zipl (s390x). A host booting
with systemd-boot or extlinux would keep loading the old kernel, or none after it is removed.
A root with no bootloader at all (a container, an image) has nothing to convert there."""
from migrate.checks.base import BLOCKER, Check, Problem

SUPPORTED = ("grub2", "zipl")


class BootloaderUnsupported(Check):
    id = "BOOTLOADER_UNSUPPORTED"
    conversion_only = True
    severity = BLOCKER
    overridable = True
    title = "The host boots with a bootloader the conversion does not manage"
    remediation = ("Switch the host to grub2 (dnf install grub2-efi-x64 shim-x64, or grub2-pc; "
                   "grub2-mkconfig), or --allow BOOTLOADER_UNSUPPORTED and update its entries yourself.")

    def evaluate(self, facts, given):
        found = facts.bootloaders
        if not found or any(name in SUPPORTED for name in found):
            return None
        return Problem("Found %s; supported: %s." % (", ".join(found), ", ".join(SUPPORTED)),
                       data={"bootloaders": list(found)})

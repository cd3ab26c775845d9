"""INSTALL_BOOTLOADER: after the transaction has replaced grub2, its core image is written
again where the firmware reads it. BIOS: grub2-install on every disk under /boot, so the boot
sector's core image matches the new modules. ppc64le: grub2-install to each PReP partition.
UEFI and s390x have nothing to install (shim from the ESP; zipl in REGENERATE_BOOT_CONFIG)."""
from migrate.errors import MigrateError
from migrate.facts.boot.model import BIOS, PREP, UEFI, ZIPL
from migrate.steps.boot_step import BootStep

NO_INSTALL = {
    UEFI: "UEFI loads shim from the ESP; grub2-install is never used with shim",
    ZIPL: "s390x boots through zipl, run by REGENERATE_BOOT_CONFIG",
}


class InstallBootloader(BootStep):
    id = "INSTALL_BOOTLOADER"
    title = "Install the boot loader (BIOS boot sector, PReP partition)"

    def not_here(self, state):
        kind = state.boot.bootloader
        if kind in NO_INSTALL:
            return "skipped: " + NO_INSTALL[kind]
        if kind not in (BIOS, PREP):
            return "skipped: petitboot reads grub.cfg; nothing to install"
        if not self.devices(state) and self.layout_allowed(state):
            return "skipped: the boot disk is unknown (BOOT_LAYOUT_UNKNOWN allowed); run grub2-install yourself"
        return None

    def devices(self, state):
        return state.boot.boot_disks if state.boot.bootloader == BIOS else state.boot.prep_partitions

    def apply(self, ctx):
        state = self.state(ctx)
        devices = self.devices(state)
        if not devices:
            raise MigrateError("cannot tell where to install the boot loader (no disk under /boot, "
                               "no PReP partition): run grub2-install DEVICE")
        for device in devices:
            if state.boot.bootloader == BIOS:
                state.run(["grub2-install", "--target=i386-pc", device])
            else:
                state.run(["grub2-install", device])
        return "grub2-install on " + ", ".join(devices)

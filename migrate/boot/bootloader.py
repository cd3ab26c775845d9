"""REGENERATE_BOOT_CONFIG and INSTALL_BOOTLOADER: the boot loader's config is written by
AlmaLinux's own tools, only after the transaction has replaced shim and grub2 (almalinux-deploy
regenerates first and reinstalls after, and nothing re-checks the ESP: its #9, #31, #40).

UEFI (EL9): the ESP's EFI/almalinux/grub.cfg is a stub that reads /boot/grub2/grub.cfg; when
the packages did not leave one, the old vendor's stub is carried over. BIOS: grub2-install on
every disk under /boot, so the boot sector's core image matches the new modules. ppc64le:
grub2-install to each PReP partition. s390x: zipl rewrites the IPL records."""
from migrate.boot.base import BootStep
from migrate.boot.model import BIOS, PREP, UEFI, ZIPL
from migrate.errors import MigrateError

NO_INSTALL = {
    UEFI: "UEFI loads shim from the ESP; grub2-install is never used with shim",
    ZIPL: "s390x boots through zipl, run by REGENERATE_BOOT_CONFIG",
}


def carry_esp_stub(state):
    """EFI/almalinux/grub.cfg on the ESP when grub.cfg itself lives in /boot: copied from the
    old vendor's stub when the packages left none. Returns what was done, for the detail."""
    root = state.ctx.root
    stub = state.esp_dir + "/grub.cfg"
    if root.exists(stub) or (state.profile.grub_cfg_uefi or "").startswith("/boot/efi/"):
        return ""
    for old_dir in state.old_efi_dirs:
        old = "/boot/efi/EFI/%s/grub.cfg" % old_dir
        text = root.read_text(old, default="")
        if "configfile" in text:
            root.write_text(stub, text, mode=0o700)
            return "; ESP stub carried over from %s" % old
    raise MigrateError("the ESP has no %s and no old stub to carry over: write one (see the README, "
                       "Boot path)" % stub)


class RegenerateBootConfig(BootStep):
    id = "REGENERATE_BOOT_CONFIG"
    title = "Regenerate the boot loader configuration"

    def apply(self, ctx):
        state = self.state(ctx)
        kind = state.boot.bootloader
        if kind == ZIPL:
            state.run(["zipl"])
            return "zipl"
        note = carry_esp_stub(state) if kind == UEFI else ""
        target = (state.profile.grub_cfg_uefi if kind == UEFI else "") or state.profile.grub_cfg
        state.run(["grub2-mkconfig", "-o", target])
        return "grub2-mkconfig -o %s%s" % (target, note)


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

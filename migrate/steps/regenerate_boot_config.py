"""REGENERATE_BOOT_CONFIG: the boot loader's config is written by AlmaLinux's own tools, only
after the transaction has replaced shim and grub2 (almalinux-deploy regenerates first and
reinstalls after, and nothing re-checks the ESP: its #9, #31, #40).

UEFI (EL9): the ESP's EFI/almalinux/grub.cfg is a stub that reads /boot/grub2/grub.cfg; when
the packages did not leave one, the old vendor's stub is carried over. s390x: zipl rewrites the
IPL records."""
from migrate.errors import MigrateError
from migrate.facts.boot.model import UEFI, ZIPL
from migrate.steps.boot_step import BootStep


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
    raise MigrateError("the ESP has no %s and no old stub to carry over: write one (docs/architecture.md, "
                       "\"The boot path\")" % stub)


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

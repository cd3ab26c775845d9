"""UPDATE_EFI_ENTRIES: a firmware boot entry for AlmaLinux's shim on every ESP member, first
in BootOrder; the old vendor's entries go only once the new ones are in place.

The ESP is traced from its mount through lsblk, so NVMe names, partitions 10 and up and
md-RAID1 ESPs of any width work (almalinux-deploy takes the last digit and two members
labelled boot_efi: its #97, #266). The entries are read from Facts.boot, and again after this
step has created any (the firmware numbers them)."""
from migrate.errors import MigrateError
from migrate.facts.boot.collect import read_efi
from migrate.facts.boot.model import UEFI
from migrate.plan.boot import efi_create_argvs, efi_finish_argvs
from migrate.steps.boot_step import BootStep


class UpdateEfiEntries(BootStep):
    id = "UPDATE_EFI_ENTRIES"
    title = "Point the UEFI boot entries at AlmaLinux"

    def not_here(self, state):
        if state.boot.bootloader != UEFI:
            return "skipped: not booted through UEFI"
        if not state.boot.esp_members and self.layout_allowed(state):
            return "skipped: the ESP is unknown (BOOT_LAYOUT_UNKNOWN allowed); create the entry yourself"
        return None

    def _pending(self, state, efi):
        members, loader = state.boot.esp_members, state.loader
        return (efi_create_argvs(efi, members, state.profile.efi_label, loader)
                + efi_finish_argvs(efi, members, loader, state.old_efi_dirs))

    def is_done(self, ctx):
        state = self.state(ctx)
        return bool(state.boot.esp_members) and not self._pending(state, state.boot.efi)

    def apply(self, ctx):
        state = self.state(ctx)
        members = state.boot.esp_members
        if not members:
            raise MigrateError("the ESP mounted at /boot/efi could not be traced to a partition: "
                               "mount it")
        shim = state.esp_dir + "/" + state.arch_data.get("shim", "")
        if not ctx.root.exists(shim):
            raise MigrateError("%s is missing: reinstall the shim package from AlmaLinux" % shim)
        efi = state.boot.efi
        creates = efi_create_argvs(efi, members, state.profile.efi_label, state.loader)
        for argv in creates:
            state.run(argv)
        if creates:
            efi = read_efi(ctx.runner)
        finish = efi_finish_argvs(efi, members, state.loader, state.old_efi_dirs)
        if not finish and efi_create_argvs(efi, members, state.profile.efi_label, state.loader):
            raise MigrateError("efibootmgr did not create the entry for %s: check the firmware's "
                               "boot menu" % state.loader)
        for argv in finish:
            state.run(argv)
        return "%d entr%s created on %s; %d change(s) to order and old entries" % (
            len(creates), "y" if len(creates) == 1 else "ies", ", ".join(m.device for m in members), len(finish))

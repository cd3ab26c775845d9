"""The boot path's pure decisions: which kernel, which efibootmgr calls."""
from migrate.facts.boot.layout import esp_members
from migrate.facts.boot.model import EfiEntry, EfiState, EspMember
from migrate.facts.boot.parse import parse_efibootmgr, parse_lsblk_pairs
from migrate.plan.boot import choose_kernel, efi_create_argvs, efi_finish_argvs
from tests.boot_machines import output
from tests.factories import ALMA9_KEYID, package

LOADER = "\\EFI\\almalinux\\shimx64.efi"


def test_newest_trusted_kernel_wins_over_a_newer_foreign_one():
    packages = (package("kernel-core", "5.14.0", "503.el9", vendor="CentOS", keyid="05b555b38483c65d"),
                package("kernel-core", "5.14.0", "427.13.1.el9_4", vendor="AlmaLinux", keyid=ALMA9_KEYID),
                package("kernel-core", "5.14.0", "70.13.1.el9_0", vendor="AlmaLinux", keyid=ALMA9_KEYID))
    chosen = choose_kernel(packages, ["kernel-core"], {ALMA9_KEYID})
    assert chosen.release == "427.13.1.el9_4"
    assert choose_kernel(packages[:1], ["kernel-core"], {ALMA9_KEYID}) is None


def test_nothing_is_removed_while_a_member_lacks_its_entry():
    state = parse_efibootmgr(output("uefi-md2", "efibootmgr-before.txt"))
    members = esp_members(parse_lsblk_pairs(output("uefi-md2", "lsblk.txt")), "/dev/md127")
    assert len(efi_create_argvs(state, members, "AlmaLinux", LOADER)) == 2
    assert efi_finish_argvs(state, members, LOADER, ["rocky"]) == []


def test_duplicate_entries_are_removed_and_order_kept():
    member = EspMember("/dev/sda1", "/dev/sda", 1, "u1")
    state = EfiState("0001", ("0002", "0001", "0003"), (
        EfiEntry("0001", "AlmaLinux", True, LOADER, "u1", 1),
        EfiEntry("0002", "PXE", True, "", ""),
        EfiEntry("0003", "AlmaLinux", True, LOADER.upper(), "u1", 1)))
    assert efi_finish_argvs(state, (member,), LOADER, ["rocky"]) == [
        ["efibootmgr", "-o", "0001,0002"], ["efibootmgr", "-b", "0003", "-B"]]
    done = EfiState("0001", ("0001", "0002"), state.entries[:2])
    assert efi_create_argvs(done, (member,), "AlmaLinux", LOADER) == []
    assert efi_finish_argvs(done, (member,), LOADER, ["rocky"]) == []


def test_mbr_esp_entries_match_by_partition_number():
    state = parse_efibootmgr("BootCurrent: 0001\nBootOrder: 0001\n"
                             "Boot0001* AlmaLinux\tHD(1,MBR,0x5e1f0a3b,0x800,0x100000)/File(\\EFI\\almalinux\\shimx64.efi)\n")
    assert state.entries[0].partnum == 1 and state.entries[0].partuuid == ""
    member = EspMember("/dev/vda1", "/dev/vda", 1, "5e1f0a3b-01")
    assert efi_create_argvs(state, (member,), "AlmaLinux", LOADER) == []
    assert efi_create_argvs(state, (member._replace(partnum=2),), "AlmaLinux", LOADER) != []

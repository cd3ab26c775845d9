from migrate.boot.model import EfiEntry, EfiState, EspMember
from migrate.boot.parse import parse_efibootmgr, parse_lsblk_pairs
from migrate.boot.plan import (choose_kernel, disks_under, efi_create_argvs, efi_finish_argvs,
                               esp_members, partition_number, prep_partitions)
from migrate.facts.evr import vercmp as rpmvercmp
from tests.factories import ALMA9_KEYID, package
from tests.unit.boot.fakes import output

LOADER = "\\EFI\\almalinux\\shimx64.efi"


def test_partition_numbers_of_ten_and_more():
    assert partition_number("/dev/sda15", "/dev/sda") == 15
    assert partition_number("/dev/nvme0n1p12", "/dev/nvme0n1") == 12
    assert partition_number("/dev/mmcblk0p1", "/dev/mmcblk0") == 1
    assert partition_number("/dev/nvme0n12", "/dev/nvme0n1") is None
    assert partition_number("/dev/sdb1", "/dev/sda") is None


def test_esp_on_nvme_partition_ten():
    devices = parse_lsblk_pairs(output("uefi-nvme", "lsblk.txt"))
    assert esp_members(devices, "/dev/nvme0n1p10") == (
        EspMember("/dev/nvme0n1p10", "/dev/nvme0n1", 10, "7e3a9c51-0d2f-4b8e-a6c4-91f2d8e0b7a3"),)


def test_esp_on_md_raid_of_three_has_three_members():
    devices = parse_lsblk_pairs(output("uefi-md3", "lsblk.txt"))
    members = esp_members(devices, "/dev/md126")
    assert [(m.disk, m.partnum) for m in members] == [("/dev/nvme0n1", 1), ("/dev/nvme1n1", 1), ("/dev/nvme2n1", 1)]


def test_unknown_esp_has_no_members():
    assert esp_members(parse_lsblk_pairs(output("uefi-sda", "lsblk.txt")), "/dev/sdz1") == ()


def test_boot_disks_through_md_and_lvm():
    devices = parse_lsblk_pairs(output("uefi-md2", "lsblk.txt"))
    assert disks_under(devices, "/dev/mapper/rl-root") == ("/dev/sda", "/dev/sdb")
    assert disks_under(parse_lsblk_pairs(output("bios", "lsblk.txt")), "/dev/vda1") == ("/dev/vda",)


def test_prep_partition_by_type():
    assert prep_partitions(parse_lsblk_pairs(output("ppc64le-prep", "lsblk.txt"))) == ("/dev/sda1",)


def test_rpmvercmp_like_rpm():
    assert rpmvercmp("5.14.0", "5.14.0") == 0
    assert rpmvercmp("427.13.1.el9_4", "362.24.1.el9_3") == 1
    assert rpmvercmp("1.0~rc1", "1.0") == -1
    assert rpmvercmp("1.0^git1", "1.0") == 1
    assert rpmvercmp("1.0a", "1.0.1") == -1
    assert rpmvercmp("10", "9") == 1


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

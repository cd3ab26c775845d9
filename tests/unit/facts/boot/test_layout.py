"""lsblk rows -> the ESP's members and the disks under /boot, on real captured layouts."""
from migrate.facts.boot.layout import (device_holding, disks_under, esp_members, mounted_device, partition_number,
                                       prep_partitions)
from migrate.facts.boot.model import EspMember
from migrate.facts.boot.parse import parse_lsblk_pairs
from tests.boot_machines import layout_mounts, output
from tests.factories import mount


def test_the_esp_device_skips_the_automount():
    assert mounted_device(layout_mounts("uefi-nvme"), "/boot/efi") == "/dev/nvme0n1p10"
    assert mounted_device(layout_mounts("bios"), "/boot/efi") == ""
    assert mounted_device(None, "/boot/efi") == ""


def test_the_device_holding_boot_is_its_own_mount_or_the_root():
    assert device_holding(layout_mounts("bios"), "/boot") == "/dev/vda1"
    assert device_holding(layout_mounts("uefi-md3"), "/boot") == "/dev/md127"
    assert device_holding((mount("/", "btrfs", source="/dev/sda2"), mount("/bootstrap")), "/boot") == "/dev/sda2"


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

"""The boot tools' output -> records, on real captured text (tests/fixtures/output/)."""
import io
import os

from migrate.facts.boot.container import parse_detect_virt
from migrate.facts.boot.parse import (entry_files, parse_efibootmgr, parse_grubby_info, parse_lsblk_pairs,
                                      parse_sb_state, parse_secure_boot_var)
from tests.boot_machines import OUTPUT, output


def _bytes(name):
    with io.open(os.path.join(OUTPUT, name), "rb") as handle:
        return handle.read()


def test_efibootmgr_16_entries_order_and_paths():
    state = parse_efibootmgr(output("uefi-sda", "efibootmgr-before.txt"))
    assert state.boot_current == "0004" and state.boot_order == ("0004", "0001", "0000", "0002", "0003")
    rocky = state.entries[-1]
    assert (rocky.number, rocky.label, rocky.path) == ("0004", "Rocky Linux", "\\EFI\\rocky\\shimx64.efi")
    assert rocky.partuuid == "4c8a1f3e-2b6d-4e0a-9f1c-7d2e5b3a9c01"
    assert state.entries[1].label == "UEFI QEMU QEMU HARDDISK" and state.entries[1].path == ""


def test_efibootmgr_18_paths_without_file_node():
    state = parse_efibootmgr(output("uefi-nvme", "efibootmgr-before.txt"))
    paths = dict((e.label, e.path) for e in state.entries)
    assert paths["CentOS Stream"] == "\\EFI\\centos\\shimx64.efi"
    assert paths["Windows Boot Manager"] == "\\EFI\\Microsoft\\Boot\\bootmgfw.efi"


def test_secure_boot_states_from_mokutil():
    assert parse_sb_state(output("uefi-sda", "mokutil-sb-state.txt")) is True
    assert parse_sb_state(output("uefi-nvme", "mokutil-sb-state.txt")) is False
    assert parse_sb_state("EFI variables are not supported on this system\n") is None
    assert parse_sb_state(output("", "mokutil.sb-enabled.txt")) is True
    assert parse_sb_state(output("", "mokutil.sb-disabled.txt")) is False
    assert parse_sb_state(output("", "mokutil.no-efi.txt")) is None


def test_secure_boot_from_the_efi_variable():
    assert parse_secure_boot_var(_bytes("efivar-SecureBoot.enabled.bin")) is True
    assert parse_secure_boot_var(_bytes("efivar-SecureBoot.disabled.bin")) is False
    assert parse_secure_boot_var(b"\x06") is None


def test_lsblk_lists_an_md_device_once_per_member():
    rows = parse_lsblk_pairs(output("uefi-md2", "lsblk.txt"))
    assert [r.pkname for r in rows if r.name == "/dev/md127"] == ["/dev/sda1", "/dev/sdb1"]
    assert rows[1].parttype == "c12a7328-f81f-11d2-ba4b-00a0c93ec93b"


def test_grubby_info_and_detect_virt():
    info = parse_grubby_info(output("", "grubby-info-default.txt"))
    assert info["kernel"] == "/boot/vmlinuz-5.14.0-427.13.1.el9_4.x86_64"
    assert info["initrd"].split()[1] == "$tuned_initrd"
    assert entry_files(info) == ("/boot/vmlinuz-5.14.0-427.13.1.el9_4.x86_64",
                                 "/boot/initramfs-5.14.0-427.13.1.el9_4.x86_64.img")
    assert parse_detect_virt("none\n") == "" and parse_detect_virt("podman\n") == "podman"

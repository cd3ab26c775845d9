"""UPDATE_EFI_ENTRIES on each UEFI layout, replayed through the boot steps and the real engine:
the exact commands that change something, in order."""
import pytest

from migrate import journal as J
from migrate.errors import FailedAfterPointOfNoReturn
from tests.boot_machines import (MKCONFIG, SDA_CHANGES, SET_DEFAULT, boot_packages, changes, efi_create, run_boot,
                                 uefi_ctx)
from tests.factories import STREAM9_OS_RELEASE


def test_uefi_single_disk_creates_the_entry_first_in_order_and_drops_the_old_vendors(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    expected = ctx.runner.expect(*SDA_CHANGES)
    outcomes = run_boot(ctx, boot_packages())
    assert changes(ctx.runner) == expected
    assert outcomes["UPDATE_EFI_ENTRIES"] == (J.DONE, "1 entry created on /dev/sda1; 2 change(s) to order and "
                                              "old entries")


def test_uefi_nvme_partition_ten(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-nvme", os_release=STREAM9_OS_RELEASE)
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG, efi_create("/dev/nvme0n1", 10),
                                 ["efibootmgr", "-o", "0002,0000,0001"], ["efibootmgr", "-b", "0003", "-B"])
    run_boot(ctx, boot_packages())
    assert changes(ctx.runner) == expected


def test_uefi_md_raid_of_two_gets_one_entry_per_member(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-md2")
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG, efi_create("/dev/sda", 1), efi_create("/dev/sdb", 1),
                                 ["efibootmgr", "-o", "0003,0004,0000"],
                                 ["efibootmgr", "-b", "0001", "-B"], ["efibootmgr", "-b", "0002", "-B"])
    run_boot(ctx, boot_packages())
    assert changes(ctx.runner) == expected


def test_uefi_md_raid_of_three_creates_only_the_missing_entries(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-md3")
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG, efi_create("/dev/nvme0n1", 1), efi_create("/dev/nvme2n1", 1),
                                 ["efibootmgr", "-o", "0002,0005,0003,0000"], ["efibootmgr", "-b", "0001", "-B"])
    run_boot(ctx, boot_packages())
    assert changes(ctx.runner) == expected


def test_entries_come_from_the_facts_and_are_read_again_only_after_creating(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    collected = len(ctx.runner.calls)  # preflight's one reading of the boot path
    run_boot(ctx, boot_packages())
    efibootmgr = [c for c in ctx.runner.calls[collected:] if c[0] == "efibootmgr"]
    assert efibootmgr == [SDA_CHANGES[2], ["efibootmgr", "-v"]] + SDA_CHANGES[3:]


def test_missing_shim_file_stops_before_any_entry_changes(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    ctx.root.remove("/boot/efi/EFI/almalinux/shimx64.efi")
    with pytest.raises(FailedAfterPointOfNoReturn):
        run_boot(ctx, boot_packages())
    assert changes(ctx.runner) == [SET_DEFAULT, MKCONFIG]
    assert ctx.outcomes["UPDATE_EFI_ENTRIES"][0] == J.FAILED


def _unknown_esp(tmp_path, allow=()):
    """/boot/efi mounted from a device lsblk does not list: its partition cannot be traced."""
    return uefi_ctx(tmp_path, "uefi-sda", allow=allow, esp="/dev/sdz1")


def test_unknown_esp_allowed_skips_the_entries_only(tmp_path):
    ctx = _unknown_esp(tmp_path, allow=["BOOT_LAYOUT_UNKNOWN"])
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG)
    outcomes = run_boot(ctx, boot_packages())
    assert outcomes["UPDATE_EFI_ENTRIES"][0] == J.SKIPPED and changes(ctx.runner) == expected


def test_unknown_esp_not_allowed_fails(tmp_path):
    ctx = _unknown_esp(tmp_path)
    ctx.runner.expect(SET_DEFAULT, MKCONFIG)
    with pytest.raises(FailedAfterPointOfNoReturn):
        run_boot(ctx, boot_packages())
    assert ctx.outcomes["UPDATE_EFI_ENTRIES"][0] == J.FAILED

"""VERIFY_BOOT_ENTRY: the next boot is safe only with the AlmaLinux default entry, its files,
and, under Secure Boot, no boot loader signed by another vendor."""
import pytest

from migrate import journal as J
from migrate.errors import FailedAfterPointOfNoReturn
from tests.boot_machines import (MKCONFIG, OLD_KERNEL, SDA_CHANGES, SET_DEFAULT, boot_packages, efi_create,
                                 run_boot, uefi_ctx)
from tests.factories import STREAM9_OS_RELEASE

NVME_CHANGES = [SET_DEFAULT, MKCONFIG, efi_create("/dev/nvme0n1", 10),
                ["efibootmgr", "-o", "0002,0000,0001"], ["efibootmgr", "-b", "0003", "-B"]]


def test_a_good_entry_passes_and_names_the_fallback_kernel(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    outcomes = run_boot(ctx, boot_packages())
    assert outcomes["VERIFY_BOOT_ENTRY"][0] == J.DONE
    assert "fallback" in outcomes["VERIFY_BOOT_ENTRY"][1] and OLD_KERNEL in outcomes["VERIFY_BOOT_ENTRY"][1]


def test_foreign_shim_under_secure_boot_fails_verification(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    with pytest.raises(FailedAfterPointOfNoReturn) as caught:
        run_boot(ctx, boot_packages(foreign_shim=True))
    assert "shim-x64" in caught.value.message
    assert ctx.outcomes["VERIFY_BOOT_ENTRY"][0] == J.FAILED


def test_foreign_shim_without_secure_boot_is_a_warning(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-nvme", os_release=STREAM9_OS_RELEASE)
    ctx.runner.expect(*NVME_CHANGES)
    outcomes = run_boot(ctx, boot_packages(foreign_shim=True))
    assert outcomes["VERIFY_BOOT_ENTRY"][0] == J.DONE and "shim-x64" in outcomes["VERIFY_BOOT_ENTRY"][1]

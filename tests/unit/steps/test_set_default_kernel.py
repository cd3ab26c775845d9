"""SET_DEFAULT_KERNEL: the newest AlmaLinux kernel becomes the default, its initramfs built first
when missing; without one nothing changes."""
import pytest

from migrate.errors import FailedAfterPointOfNoReturn
from tests.boot_machines import (ALMA_KERNEL, OLD_KERNEL, SDA_CHANGES, SET_DEFAULT, boot_packages, changes,
                                 kernel_release, run_boot, uefi_ctx, write)


def test_the_previous_default_stays_as_the_fallback(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    outcomes = run_boot(ctx, boot_packages())
    assert outcomes["SET_DEFAULT_KERNEL"][1] == (
        "default: %s; %s, the previous default, stays as the fallback"
        % (kernel_release(ALMA_KERNEL, "x86_64"), kernel_release(OLD_KERNEL, "x86_64")))


def test_missing_initramfs_is_built_before_it_becomes_default(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    release = kernel_release(ALMA_KERNEL, "x86_64")
    initramfs = "/boot/initramfs-%s.img" % release
    ctx.root.remove(initramfs)
    ctx.runner.responses[("dracut", "-f", initramfs, release)] = lambda r: write(ctx.root, initramfs) or ""
    ctx.runner.expect(*SDA_CHANGES)
    run_boot(ctx, boot_packages())
    assert changes(ctx.runner)[:2] == [["dracut", "-f", initramfs, release], SET_DEFAULT]


def test_no_almalinux_kernel_fails_before_any_change(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    with pytest.raises(FailedAfterPointOfNoReturn) as caught:
        run_boot(ctx, boot_packages()[1:])
    assert "no AlmaLinux kernel" in caught.value.message and changes(ctx.runner) == []

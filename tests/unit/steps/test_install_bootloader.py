"""INSTALL_BOOTLOADER: grub2-install on the disks under /boot (BIOS) or the PReP partition
(ppc64le); nothing on UEFI."""
from migrate import journal as J
from tests.boot_machines import (ALMA_KERNEL, LSBLK, MKCONFIG, SDA_CHANGES, SET_DEFAULT, bios_runner, boot_ctx,
                                 boot_packages, changes, grubby_responses, kernel_release, lay_out_boot,
                                 layout_mounts, live_facts, output, run_boot, uefi_ctx)
from tests.kit import FakeRunner, LiveRoot


def test_bios_reinstalls_grub_on_the_boot_disk(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=False)
    runner = bios_runner()
    expected = runner.expect(SET_DEFAULT, MKCONFIG, ["grub2-install", "--target=i386-pc", "/dev/vda"])
    outcomes = run_boot(boot_ctx(root, runner, live_facts(root, runner, mounts=layout_mounts("bios"))), boot_packages())
    assert changes(runner) == expected
    assert outcomes["UPDATE_EFI_ENTRIES"] == (J.SKIPPED, "skipped: not booted through UEFI")


def test_ppc64le_installs_grub_to_the_prep_partition(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "ppc64le", uefi=False)
    responses = grubby_responses("ppc64le")
    responses[LSBLK] = output("ppc64le-prep", "lsblk.txt")
    runner = FakeRunner(responses)
    expected = runner.expect(["grubby", "--set-default", "/boot/vmlinuz-" + kernel_release(ALMA_KERNEL, "ppc64le")],
                             MKCONFIG, ["grub2-install", "/dev/sda1"])
    run_boot(boot_ctx(root, runner, live_facts(root, runner, arch="ppc64le")), boot_packages("ppc64le"))
    assert changes(runner) == expected


def test_uefi_installs_nothing(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    outcomes = run_boot(ctx, boot_packages())
    assert outcomes["INSTALL_BOOTLOADER"][0] == J.SKIPPED and "shim" in outcomes["INSTALL_BOOTLOADER"][1]
    assert not ctx.runner.ran(["grub2-install"])

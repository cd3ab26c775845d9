"""REGENERATE_BOOT_CONFIG: grub2-mkconfig (the ESP's stub carried over from the old vendor when
the packages left none), zipl on s390x."""
from migrate import journal as J
from tests.boot_machines import (ALMA_KERNEL, SDA_CHANGES, boot_ctx, boot_packages, changes, grubby_responses,
                                 kernel_release, lay_out_boot, live_facts, run_boot, uefi_ctx, write)
from tests.kit import FakeRunner, LiveRoot


def test_esp_stub_of_the_old_vendor_is_carried_over(tmp_path):
    ctx = uefi_ctx(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    ctx.root.remove("/boot/efi/EFI/almalinux/grub.cfg")
    write(ctx.root, "/boot/efi/EFI/rocky/grub.cfg", "search --no-floppy --fs-uuid --set=dev 1234\n"
          "set prefix=($dev)/grub2\nexport $prefix\nconfigfile $prefix/grub.cfg\n")
    outcomes = run_boot(ctx, boot_packages())
    assert "configfile" in ctx.root.read_text("/boot/efi/EFI/almalinux/grub.cfg")
    assert "carried over" in outcomes["REGENERATE_BOOT_CONFIG"][1]


def test_s390x_runs_zipl_after_the_default_is_set(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "s390x", uefi=False)
    responses = grubby_responses("s390x")
    responses[("zipl",)] = "Using config file '/etc/zipl.conf'\nBuilding bootmap in '/boot'\nDone.\n"
    runner = FakeRunner(responses)
    expected = runner.expect(["grubby", "--set-default", "/boot/vmlinuz-" + kernel_release(ALMA_KERNEL, "s390x")],
                             ["zipl"])
    outcomes = run_boot(boot_ctx(root, runner, live_facts(root, runner, arch="s390x")), boot_packages("s390x"))
    assert changes(runner) == expected and not runner.ran(["lsblk"])
    assert outcomes["INSTALL_BOOTLOADER"][0] == J.SKIPPED

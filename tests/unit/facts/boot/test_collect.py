"""Facts.boot read from each machine layout through the strict FakeRunner: which tools run, in
which order, and what the record says."""
import os

from migrate.facts.boot.collect import collect_boot
from migrate.facts.boot.model import BootEntry
from migrate.root import Root
from tests.boot_machines import (ALMA_KERNEL, DETECT_VIRT, LSBLK, OUTPUT, bios_runner, esp_moved_to, kernel_release,
                                 lay_out_boot, layout_mounts, uefi_machine)
from tests.kit import FakeRunner, LiveRoot

GRUBBY_INFO = ["grubby", "--info", "DEFAULT"]
SECURE_BOOT_VAR = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"


def test_an_md_raid_esp_is_read_once_in_this_order(tmp_path):
    root, runner, mounts = uefi_machine(tmp_path, "uefi-md2")
    boot = collect_boot(root, runner, "x86_64", mounts)
    assert runner.calls == [list(DETECT_VIRT), GRUBBY_INFO, list(LSBLK), ["mokutil", "--sb-state"],
                            ["efibootmgr", "-v"]]
    assert boot.bootloader == "uefi" and boot.secure_boot is True and boot.esp_source == "/dev/md127"
    assert [m.device for m in boot.esp_members] == ["/dev/sda1", "/dev/sdb1"]
    assert boot.efi.boot_order and boot.container == ""


def test_the_default_entry_and_its_missing_files(tmp_path):
    root, runner, mounts = uefi_machine(tmp_path, "uefi-sda")
    release = kernel_release(ALMA_KERNEL, "x86_64")
    assert collect_boot(root, runner, "x86_64", mounts).default_entry == BootEntry(
        "/boot/vmlinuz-" + release, ("/boot/vmlinuz-" + release, "/boot/initramfs-%s.img" % release), ())
    root.remove("/boot/initramfs-%s.img" % release)
    entry = collect_boot(root, runner, "x86_64", mounts).default_entry
    assert entry.missing == ("/boot/initramfs-%s.img" % release,) and entry.release == release


def test_efivars_answer_secure_boot_without_mokutil(tmp_path):
    root, runner, mounts = uefi_machine(tmp_path, "uefi-sda")
    os.makedirs(os.path.dirname(root.join(SECURE_BOOT_VAR)))
    with open(os.path.join(OUTPUT, "efivar-SecureBoot.disabled.bin"), "rb") as source:
        with open(root.join(SECURE_BOOT_VAR), "wb") as var:
            var.write(source.read())
    assert collect_boot(root, runner, "x86_64", mounts).secure_boot is False and not runner.ran(["mokutil"])


def test_bios_traces_the_disks_under_boot(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=False)
    boot = collect_boot(root, bios_runner(), "x86_64", layout_mounts("bios"))
    assert (boot.bootloader, boot.boot_disks, boot.secure_boot, boot.efi) == ("bios", ("/dev/vda",), None, None)


def test_a_container_reads_only_the_verdict(tmp_path):
    runner = FakeRunner({DETECT_VIRT: "podman\n"})
    boot = collect_boot(LiveRoot(str(tmp_path)), runner, "x86_64", ())
    assert (boot.container, boot.bootloader, boot.secure_boot, boot.default_entry) == ("podman", "", None, None)
    assert runner.calls == [list(DETECT_VIRT)]


def test_no_boot_facts_under_root(tmp_path):
    runner = FakeRunner({})
    assert collect_boot(Root(str(tmp_path)), runner, "x86_64", None) is None and runner.calls == []


def test_unmounted_esp_has_no_members(tmp_path):
    root, runner, mounts = uefi_machine(tmp_path, "uefi-sda")
    boot = collect_boot(root, runner, "x86_64", esp_moved_to(mounts, ""))
    assert boot.esp_source == "" and boot.esp_members == ()

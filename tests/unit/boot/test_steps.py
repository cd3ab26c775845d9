"""Each machine layout replayed through the boot steps and the real engine: the exact commands
that change something, in order. Reads are allowed only when the scenario knows them, and a
changing command only when the test expects it."""
import pytest

from migrate import journal as J
from migrate.boot.bootloader import InstallBootloader, RegenerateBootConfig
from migrate.boot.efi import UpdateEfiEntries
from migrate.boot.kernel import SetDefaultKernel
from migrate.boot.verify import VerifyBootEntry
from migrate.errors import FailedAfterPointOfNoReturn
from migrate.journal import Journal
from migrate.root import Root
from migrate.steps import conversion_steps
from migrate.steps.engine import run_steps
from tests.factories import ALMA9_KEYID, STREAM9_OS_RELEASE, make_facts
from migrate.trust import TrustedKey
from tests.kit import make_ctx
from tests.unit.boot.fakes import (ALMA_KERNEL, LSBLK, OLD_KERNEL, FakeRunner, LiveRoot, boot_packages,
                                   grubby_responses, kernel_release, lay_out_boot, output, write)

BOOT_STEP_IDS = ["SET_DEFAULT_KERNEL", "REGENERATE_BOOT_CONFIG", "INSTALL_BOOTLOADER",
                 "UPDATE_EFI_ENTRIES", "VERIFY_BOOT_ENTRY"]
ESP_FINDMNT = ("findmnt", "-n", "-o", "SOURCE", "--mountpoint", "/boot/efi")
SET_DEFAULT = ["grubby", "--set-default", "/boot/vmlinuz-" + kernel_release(ALMA_KERNEL, "x86_64")]
MKCONFIG = ["grub2-mkconfig", "-o", "/boot/grub2/grub.cfg"]


def Ctx(root, runner, facts, allow=()):
    ctx = make_ctx(root, runner, facts, allow=tuple(allow))
    ctx.run.known_keys = (TrustedKey("0" * 24 + ALMA9_KEYID.upper(), None, False, "AlmaLinux", b"", ()),)
    return ctx


def run_boot(ctx, packages):
    """The boot steps through the engine, as conversion_steps() orders them after DISTRO_SYNC."""
    def read(root):
        return packages

    steps = [SetDefaultKernel(read), RegenerateBootConfig(read), InstallBootloader(read),
             UpdateEfiEntries(read), VerifyBootEntry(read)]
    journal = Journal.start(ctx.root, "run", {}, {}, {}, [s.id for s in steps])
    try:
        run_steps(ctx, steps, journal)
    finally:
        ctx.outcomes = dict((s["id"], (s["state"], s["detail"])) for s in journal.data["steps"])
    return ctx.outcomes


def efi_create(disk, partnum):
    return ["efibootmgr", "-c", "-d", disk, "-p", str(partnum), "-L", "AlmaLinux",
            "-l", "\\EFI\\almalinux\\shimx64.efi"]


def uefi(tmp_path, scenario, facts=None, allow=()):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=True)
    responses = grubby_responses("x86_64")
    before, after = output(scenario, "efibootmgr-before.txt"), output(scenario, "efibootmgr-after.txt")
    responses.update({
        LSBLK: output(scenario, "lsblk.txt"),
        ("mokutil", "--sb-state"): output(scenario, "mokutil-sb-state.txt"),
        ESP_FINDMNT: output(scenario, "findmnt-boot-efi.txt"),
        ("efibootmgr", "-v"): lambda r: after if r.ran(["efibootmgr", "-c"]) else before,
    })
    return Ctx(root, FakeRunner(responses), facts or make_facts(), allow)


SDA_CHANGES = [SET_DEFAULT, MKCONFIG, efi_create("/dev/sda", 1),
               ["efibootmgr", "-o", "0005,0001,0000,0002,0003"], ["efibootmgr", "-b", "0004", "-B"]]


def test_boot_steps_follow_distro_sync_in_conversion_order():
    ids = [s.id for s in conversion_steps()]
    start = ids.index("SET_DEFAULT_KERNEL")
    assert ids.index("DISTRO_SYNC") < start  # the kernel and boot packages are AlmaLinux's by then
    assert ids[start:start + len(BOOT_STEP_IDS)] == BOOT_STEP_IDS


def test_uefi_single_disk_secure_boot_on(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda")
    expected = ctx.runner.expect(*SDA_CHANGES)
    outcomes = run_boot(ctx, boot_packages())
    assert ctx.runner.changes == expected
    assert outcomes["INSTALL_BOOTLOADER"][0] == J.SKIPPED and "shim" in outcomes["INSTALL_BOOTLOADER"][1]
    assert "fallback" in outcomes["VERIFY_BOOT_ENTRY"][1] and OLD_KERNEL in outcomes["VERIFY_BOOT_ENTRY"][1]
    assert outcomes["SET_DEFAULT_KERNEL"][1] == (
        "default: %s; %s, the previous default, stays as the fallback"
        % (kernel_release(ALMA_KERNEL, "x86_64"), kernel_release(OLD_KERNEL, "x86_64")))


def test_uefi_nvme_partition_ten_secure_boot_off(tmp_path):
    ctx = uefi(tmp_path, "uefi-nvme", facts=make_facts(os_release=STREAM9_OS_RELEASE))
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG, efi_create("/dev/nvme0n1", 10),
                                 ["efibootmgr", "-o", "0002,0000,0001"], ["efibootmgr", "-b", "0003", "-B"])
    run_boot(ctx, boot_packages())
    assert ctx.runner.changes == expected


def test_uefi_md_raid_of_two_gets_one_entry_per_member(tmp_path):
    ctx = uefi(tmp_path, "uefi-md2")
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG, efi_create("/dev/sda", 1), efi_create("/dev/sdb", 1),
                                 ["efibootmgr", "-o", "0003,0004,0000"],
                                 ["efibootmgr", "-b", "0001", "-B"], ["efibootmgr", "-b", "0002", "-B"])
    run_boot(ctx, boot_packages())
    assert ctx.runner.changes == expected


def test_uefi_md_raid_of_three_creates_only_the_missing_entries(tmp_path):
    ctx = uefi(tmp_path, "uefi-md3")
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG, efi_create("/dev/nvme0n1", 1), efi_create("/dev/nvme2n1", 1),
                                 ["efibootmgr", "-o", "0002,0005,0003,0000"], ["efibootmgr", "-b", "0001", "-B"])
    run_boot(ctx, boot_packages())
    assert ctx.runner.changes == expected


def test_esp_stub_of_the_old_vendor_is_carried_over(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    ctx.root.remove("/boot/efi/EFI/almalinux/grub.cfg")
    write(ctx.root, "/boot/efi/EFI/rocky/grub.cfg", "search --no-floppy --fs-uuid --set=dev 1234\n"
          "set prefix=($dev)/grub2\nexport $prefix\nconfigfile $prefix/grub.cfg\n")
    outcomes = run_boot(ctx, boot_packages())
    assert "configfile" in ctx.root.read_text("/boot/efi/EFI/almalinux/grub.cfg")
    assert "carried over" in outcomes["REGENERATE_BOOT_CONFIG"][1]


def test_foreign_shim_under_secure_boot_fails_verification(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    with pytest.raises(FailedAfterPointOfNoReturn) as caught:
        run_boot(ctx, boot_packages(foreign_shim=True))
    assert "shim-x64" in caught.value.message
    assert ctx.outcomes["VERIFY_BOOT_ENTRY"][0] == J.FAILED


def test_foreign_shim_without_secure_boot_is_a_warning(tmp_path):
    ctx = uefi(tmp_path, "uefi-nvme", facts=make_facts(os_release=STREAM9_OS_RELEASE))
    ctx.runner.expect(SET_DEFAULT, MKCONFIG, efi_create("/dev/nvme0n1", 10),
                      ["efibootmgr", "-o", "0002,0000,0001"], ["efibootmgr", "-b", "0003", "-B"])
    outcomes = run_boot(ctx, boot_packages(foreign_shim=True))
    assert outcomes["VERIFY_BOOT_ENTRY"][0] == J.DONE and "shim-x64" in outcomes["VERIFY_BOOT_ENTRY"][1]


def test_missing_shim_file_stops_before_any_entry_changes(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda")
    ctx.runner.expect(*SDA_CHANGES)
    ctx.root.remove("/boot/efi/EFI/almalinux/shimx64.efi")
    with pytest.raises(FailedAfterPointOfNoReturn):
        run_boot(ctx, boot_packages())
    assert ctx.runner.changes == [SET_DEFAULT, MKCONFIG]
    assert ctx.outcomes["UPDATE_EFI_ENTRIES"][0] == J.FAILED


def test_missing_initramfs_is_built_before_it_becomes_default(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda")
    release = kernel_release(ALMA_KERNEL, "x86_64")
    initramfs = "/boot/initramfs-%s.img" % release
    ctx.root.remove(initramfs)
    ctx.runner.responses[("dracut", "-f", initramfs, release)] = lambda r: write(ctx.root, initramfs) or ""
    ctx.runner.expect(*SDA_CHANGES)
    run_boot(ctx, boot_packages())
    assert ctx.runner.changes[:2] == [["dracut", "-f", initramfs, release], SET_DEFAULT]


def test_unknown_esp_allowed_skips_the_entries_only(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda", allow=["BOOT_LAYOUT_UNKNOWN"])
    ctx.runner.responses[ESP_FINDMNT] = (1, "")
    expected = ctx.runner.expect(SET_DEFAULT, MKCONFIG)
    outcomes = run_boot(ctx, boot_packages())
    assert outcomes["UPDATE_EFI_ENTRIES"][0] == J.SKIPPED and ctx.runner.changes == expected


def test_unknown_esp_not_allowed_fails(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda")
    ctx.runner.responses[ESP_FINDMNT] = (1, "")
    ctx.runner.expect(SET_DEFAULT, MKCONFIG)
    with pytest.raises(FailedAfterPointOfNoReturn):
        run_boot(ctx, boot_packages())
    assert ctx.outcomes["UPDATE_EFI_ENTRIES"][0] == J.FAILED


def test_no_almalinux_kernel_fails_before_any_change(tmp_path):
    ctx = uefi(tmp_path, "uefi-sda")
    with pytest.raises(FailedAfterPointOfNoReturn) as caught:
        run_boot(ctx, boot_packages()[1:])
    assert "no AlmaLinux kernel" in caught.value.message and ctx.runner.changes == []


def test_bios_reinstalls_grub_on_the_boot_disk(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=False)
    responses = grubby_responses("x86_64")
    responses.update({LSBLK: output("bios", "lsblk.txt"),
                      ("findmnt", "-n", "-o", "SOURCE", "--target", "/boot"): output("bios", "findmnt-boot.txt")})
    runner = FakeRunner(responses)
    expected = runner.expect(SET_DEFAULT, MKCONFIG, ["grub2-install", "--target=i386-pc", "/dev/vda"])
    outcomes = run_boot(Ctx(root, runner, make_facts()), boot_packages())
    assert runner.changes == expected
    assert outcomes["UPDATE_EFI_ENTRIES"] == (J.SKIPPED, "skipped: not booted through UEFI")


def test_ppc64le_installs_grub_to_the_prep_partition(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "ppc64le", uefi=False)
    responses = grubby_responses("ppc64le")
    responses[LSBLK] = output("ppc64le-prep", "lsblk.txt")
    runner = FakeRunner(responses)
    expected = runner.expect(["grubby", "--set-default", "/boot/vmlinuz-" + kernel_release(ALMA_KERNEL, "ppc64le")],
                             MKCONFIG, ["grub2-install", "/dev/sda1"])
    run_boot(Ctx(root, runner, make_facts(arch="ppc64le")), boot_packages("ppc64le"))
    assert runner.changes == expected


def test_s390x_runs_zipl_after_the_default_is_set(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "s390x", uefi=False)
    responses = grubby_responses("s390x")
    responses[("zipl",)] = "Using config file '/etc/zipl.conf'\nBuilding bootmap in '/boot'\nDone.\n"
    runner = FakeRunner(responses)
    expected = runner.expect(["grubby", "--set-default", "/boot/vmlinuz-" + kernel_release(ALMA_KERNEL, "s390x")],
                             ["zipl"])
    outcomes = run_boot(Ctx(root, runner, make_facts(arch="s390x")), boot_packages("s390x"))
    assert runner.changes == expected and not runner.ran(["lsblk"])
    assert outcomes["INSTALL_BOOTLOADER"][0] == J.SKIPPED


def test_container_skips_every_boot_step_with_a_note(tmp_path):
    runner = FakeRunner({("systemd-detect-virt", "--container"): output("container", "detect-virt-docker.txt")})
    outcomes = run_boot(Ctx(LiveRoot(str(tmp_path)), runner, make_facts()), boot_packages())
    assert runner.changes == []
    assert all(outcomes[i] == (J.SKIPPED, "skipped: running in a container (docker), which boots no "
                               "kernel of its own") for i in BOOT_STEP_IDS)


def test_dockerenv_alone_is_a_container(tmp_path):
    root = LiveRoot(str(tmp_path))
    write(root, "/.dockerenv")
    runner = FakeRunner({("systemd-detect-virt", "--container"): (127, "")})
    outcomes = run_boot(Ctx(root, runner, make_facts()), boot_packages())
    assert outcomes["SET_DEFAULT_KERNEL"][1].startswith("skipped: running in a container (docker)")


def test_under_root_no_tool_runs(tmp_path):
    runner = FakeRunner({})
    outcomes = run_boot(Ctx(Root(str(tmp_path)), runner, make_facts(is_live=False)), boot_packages())
    assert runner.calls == []
    assert all(outcomes[i][1].startswith("skipped: not the live machine") for i in BOOT_STEP_IDS)

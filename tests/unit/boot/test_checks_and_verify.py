from migrate.boot.collect import collect_boot
from migrate.boot.model import BootFacts
from migrate.boot.verify import verify_boot
from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER, INFO, WARNING, CheckInput, run_checks
from migrate.profiles import SourceProfile
from migrate.root import Root
from tests.factories import ALMA9_KEYID, make_facts, package, situation
from tests.kit import make_ctx
from tests.unit.boot.fakes import (ALMA_KERNEL, LSBLK, FakeRunner, LiveRoot, boot_packages,
                                   grubby_responses, kernel_release, lay_out_boot, output)

ESP_FINDMNT = ("findmnt", "-n", "-o", "SOURCE", "--mountpoint", "/boot/efi")


def uefi_runner(scenario):
    responses = grubby_responses("x86_64")
    responses.update({LSBLK: output(scenario, "lsblk.txt"), ESP_FINDMNT: output(scenario, "findmnt-boot-efi.txt"),
                      ("mokutil", "--sb-state"): output(scenario, "mokutil-sb-state.txt"),
                      ("efibootmgr", "-v"): output(scenario, "efibootmgr-before.txt")})
    return FakeRunner(responses)


def boot_facts(tmp_path, scenario):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=True)
    return collect_boot(root, uefi_runner(scenario), "x86_64")


def findings(facts, source_kernels=()):
    facts, source, target, options = situation(facts)
    if source_kernels:  # a vendor with kernels of its own (Oracle's UEK)
        values = dict(source.profile.as_dict(), kernel_packages=list(source_kernels))
        source = source._replace(profile=SourceProfile("oracle-like.toml", values))
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set()))


def test_preflight_facts_of_an_md_raid_esp(tmp_path):
    boot = boot_facts(tmp_path, "uefi-md2")
    assert boot.bootloader == "uefi" and boot.secure_boot is True and boot.esp_source == "/dev/md127"
    assert [m.device for m in boot.esp_members] == ["/dev/sda1", "/dev/sdb1"]
    assert boot.running_kernel == "5.14.0-362.24.1.el9_3.x86_64"


def test_secure_boot_is_reported_and_uek_warned(tmp_path):
    boot = boot_facts(tmp_path, "uefi-sda")
    assert findings(make_facts(boot=boot))["SECURE_BOOT"]["severity"] == INFO
    uek = make_facts(boot=boot, packages=make_facts().packages + (package("kernel-uek-core", "5.15.0"),))
    assert findings(uek)["SECURE_BOOT"]["severity"] == WARNING  # Oracle-signed: not behind AlmaLinux's shim
    found = findings(uek, source_kernels=["kernel-uek-core"])["SECURE_BOOT"]
    assert found["severity"] == WARNING and "kernel-uek-core" in found["detail"]


def test_secure_boot_off_says_nothing(tmp_path):
    assert "SECURE_BOOT" not in findings(make_facts(boot=boot_facts(tmp_path, "uefi-nvme")))


def test_unmounted_esp_blocks_before_anything_changes(tmp_path):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=True)
    runner = uefi_runner("uefi-sda")
    runner.responses[ESP_FINDMNT] = (1, "")
    found = findings(make_facts(boot=collect_boot(root, runner, "x86_64")))["BOOT_LAYOUT_UNKNOWN"]
    assert found["severity"] == BLOCKER and found["overridable"]


def test_container_is_told_and_nothing_else_runs(tmp_path):
    runner = FakeRunner({("systemd-detect-virt", "--container"): "podman\n"})
    boot = collect_boot(LiveRoot(str(tmp_path)), runner, "x86_64")
    result = findings(make_facts(boot=boot))
    assert result["CONTAINER"]["detail"] == "Detected: podman; the boot steps will be skipped."
    assert "BOOT_LAYOUT_UNKNOWN" not in result and len(runner.calls) == 1


def test_no_boot_facts_under_root(tmp_path):
    assert collect_boot(Root(str(tmp_path)), FakeRunner({}), "x86_64") is None


def VerifyCtx(root, runner, packages):
    return make_ctx(root, runner, make_facts(packages=packages))


def _verify(tmp_path, packages, running=None, without=()):
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=False)
    for path in without:
        root.remove(path)
    responses = grubby_responses("x86_64")
    responses.update({LSBLK: output("bios", "lsblk.txt"),
                      ("findmnt", "-n", "-o", "SOURCE", "--target", "/boot"): output("bios", "findmnt-boot.txt")})
    if running:
        responses[("uname", "-r")] = running + "\n"
    return dict((f["id"], f) for f in verify_boot(VerifyCtx(root, FakeRunner(responses), packages), {ALMA9_KEYID}))


def test_verify_boot_after_a_good_reboot_warns_only_about_fallback_kernels(tmp_path):
    result = _verify(tmp_path, boot_packages(), running=kernel_release(ALMA_KERNEL, "x86_64"))
    assert sorted(result) == ["FOREIGN_KERNELS_LEFT"] and result["FOREIGN_KERNELS_LEFT"]["severity"] == WARNING


def test_verify_boot_still_in_the_old_kernel_with_a_foreign_shim(tmp_path):
    result = _verify(tmp_path, boot_packages(foreign_shim=True))
    assert result["RUNNING_KERNEL_FOREIGN"]["severity"] == BLOCKER
    assert "shim-x64" in result["BOOT_PACKAGES_FOREIGN"]["detail"]
    assert "DEFAULT_ENTRY_FOREIGN" not in result


def test_verify_boot_default_entry_with_a_missing_initramfs(tmp_path):
    release = kernel_release(ALMA_KERNEL, "x86_64")
    result = _verify(tmp_path, boot_packages(), running=release, without=["/boot/initramfs-%s.img" % release])
    assert "missing: /boot/initramfs-" in result["DEFAULT_ENTRY_FOREIGN"]["detail"]


def test_verify_boot_under_root_checks_packages_only(tmp_path):
    ctx = VerifyCtx(Root(str(tmp_path)), FakeRunner({}), boot_packages())
    assert [f["id"] for f in verify_boot(ctx, {ALMA9_KEYID})] == ["FOREIGN_KERNELS_LEFT", "BOOT_NOT_CHECKED"]


def test_boot_facts_default_to_none_in_old_callers():
    assert make_facts().boot is None and BootFacts._fields[0] == "bootloader"

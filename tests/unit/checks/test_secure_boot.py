"""SECURE_BOOT on Facts.boot read from real layouts: info, or a warning when a kernel would not
load behind AlmaLinux's shim."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import INFO, WARNING, CheckInput, run_checks
from migrate.profiles import SourceProfile
from tests.boot_machines import uefi_ctx
from tests.factories import base_packages, boot_facts, kernel, make_facts, mount, package, situation
from tests.kit import check_findings


def findings(facts, source_kernels=()):
    facts, source, target, options = situation(facts)
    if source_kernels:  # a vendor with kernels of its own (Oracle's UEK)
        values = dict(source.profile.as_dict(), kernel_packages=list(source_kernels))
        source = source._replace(profile=SourceProfile("oracle-like.toml", values))
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set()))


def test_secure_boot_is_reported_and_uek_warned(tmp_path):
    boot = uefi_ctx(tmp_path, "uefi-sda").facts.boot
    assert findings(make_facts(boot=boot))["SECURE_BOOT"]["severity"] == INFO
    uek = make_facts(boot=boot, packages=make_facts().packages + (package("kernel-uek-core", "5.15.0"),))
    assert findings(uek)["SECURE_BOOT"]["severity"] == WARNING  # Oracle-signed: not behind AlmaLinux's shim
    found = findings(uek, source_kernels=["kernel-uek-core"])["SECURE_BOOT"]
    assert found["severity"] == WARNING and "kernel-uek-core" in found["detail"]


def test_secure_boot_off_says_nothing(tmp_path):
    assert "SECURE_BOOT" not in findings(uefi_ctx(tmp_path, "uefi-nvme").facts)


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_secure_boot_is_info_until_something_would_not_load():
    plain = _host(make_facts(boot=boot_facts(secure_boot=True), mounts=(mount("/boot/efi", "vfat"),)))
    assert plain["SECURE_BOOT"]["severity"] == INFO
    facts = make_facts(boot=boot_facts(secure_boot=True), mounts=(mount("/boot/efi", "vfat"),), dkms_modules=("nvidia/535",),
                       packages=base_packages(package("kernel-uek-core", "5.15.0", "1.el9uek", vendor="Oracle America")))
    finding = _host(facts)["SECURE_BOOT"]
    assert finding["severity"] == WARNING and finding["data"]["foreign"] == ["kernel-uek-core", "dkms:nvidia/535"]

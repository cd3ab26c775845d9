"""SECURE_BOOT on Facts.boot read from real layouts: info, or a warning when a kernel would not
load behind AlmaLinux's shim."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import INFO, WARNING, CheckInput, run_checks
from migrate.profiles import Profile
from tests.boot_machines import uefi_ctx
from tests.factories import make_facts, package, situation


def findings(facts, source_kernels=()):
    facts, source, target, options = situation(facts)
    if source_kernels:  # a vendor with kernels of its own (Oracle's UEK)
        values = dict(source.profile.as_dict(), kernel_packages=list(source_kernels))
        source = source._replace(profile=Profile("source", "oracle-like.toml", values))
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

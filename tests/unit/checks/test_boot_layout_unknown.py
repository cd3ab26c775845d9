"""BOOT_LAYOUT_UNKNOWN: the boot steps' targets must be known before anything changes."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER, CheckInput, run_checks
from tests.boot_machines import uefi_ctx
from tests.factories import situation


def findings(facts, allow=()):
    facts, source, target, options = situation(facts, allow=allow)
    given = CheckInput(source, target, options)
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, given, set(allow)))


def test_an_esp_that_cannot_be_traced_blocks_before_anything_changes(tmp_path):
    found = findings(uefi_ctx(tmp_path, "uefi-sda", esp="/dev/sdz1").facts)["BOOT_LAYOUT_UNKNOWN"]
    assert found["severity"] == BLOCKER and found["overridable"]
    assert found["detail"] == "UEFI firmware, but /dev/sdz1 could not be traced to a partition."


def test_an_unmounted_esp_is_esp_not_mounted_alone(tmp_path):
    found = findings(uefi_ctx(tmp_path, "uefi-sda", esp="").facts)
    assert found["ESP_NOT_MOUNTED"]["severity"] == BLOCKER and "BOOT_LAYOUT_UNKNOWN" not in found


def test_a_traced_esp_passes(tmp_path):
    assert "BOOT_LAYOUT_UNKNOWN" not in findings(uefi_ctx(tmp_path, "uefi-md3").facts)

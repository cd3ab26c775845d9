"""The BOOTLOADER_UNSUPPORTED check."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_systemd_boot_blocks_and_can_be_allowed():
    finding = _host(make_facts(bootloaders=("systemd-boot",)))["BOOTLOADER_UNSUPPORTED"]
    assert finding["severity"] == BLOCKER and finding["overridable"]
    assert _host(make_facts(bootloaders=("systemd-boot",)), allow=("BOOTLOADER_UNSUPPORTED",))[
        "BOOTLOADER_UNSUPPORTED"]["overridden"]
    assert "BOOTLOADER_UNSUPPORTED" not in _host(make_facts(bootloaders=("grub2", "systemd-boot")))
    assert "BOOTLOADER_UNSUPPORTED" not in _host(make_facts(bootloaders=()))

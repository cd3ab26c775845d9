"""The ESP_NOT_MOUNTED check."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from tests.factories import boot_facts, make_facts, mount
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_efi_host_without_mounted_esp_blocks():
    assert _host(make_facts(boot=boot_facts(), mounts=(mount("/"),)))["ESP_NOT_MOUNTED"]["severity"] == BLOCKER
    wrong = make_facts(boot=boot_facts(), mounts=(mount("/"), mount("/boot/efi", "xfs")))
    assert "xfs" in _host(wrong)["ESP_NOT_MOUNTED"]["detail"]
    bios = boot_facts(bootloader="bios", esp_source="", esp_members=(), boot_disks=("/dev/vda",))
    assert "ESP_NOT_MOUNTED" not in _host(make_facts(boot=bios, mounts=(mount("/"),)))
    automount = (mount("/boot/efi", "autofs", source="systemd-1"),)
    assert "ESP_NOT_MOUNTED" not in _host(make_facts(boot=boot_facts(), mounts=automount))
    lxc = boot_facts(bootloader="", container="lxc", esp_source="", esp_members=())
    assert "ESP_NOT_MOUNTED" not in _host(make_facts(boot=lxc, mounts=()))

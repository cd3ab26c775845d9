"""ESP_ON_RAID: the ESP's md device, from the same Facts.boot UPDATE_EFI_ENTRIES traces its
members from; the advice says the tool adds the entries, not the admin."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import WARNING, CheckInput, run_checks
from migrate.checks.esp_on_raid import EspOnRaid
from migrate.facts.boot.model import EspMember
from tests.boot_machines import uefi_ctx
from tests.factories import boot_facts, make_facts, mount, situation
from tests.kit import check_findings


def findings(facts):
    facts, source, target, options = situation(facts)
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set()))


def test_md_raid_esp_warns_with_its_device(tmp_path):
    found = findings(uefi_ctx(tmp_path, "uefi-md2").facts)["ESP_ON_RAID"]
    assert found["severity"] == WARNING and found["data"] == {"device": "/dev/md127"}


def test_a_plain_partition_is_not_raid(tmp_path):
    assert "ESP_ON_RAID" not in findings(uefi_ctx(tmp_path, "uefi-sda").facts)


def test_the_advice_matches_what_update_efi_entries_does():
    assert "efibootmgr -c" not in EspOnRaid.remediation  # UPDATE_EFI_ENTRIES runs it, once per member
    assert "UPDATE_EFI_ENTRIES" in EspOnRaid.remediation and "efibootmgr -v" in EspOnRaid.remediation


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_esp_on_md_raid_warns():
    members = (EspMember("/dev/sda1", "/dev/sda", 1, ""), EspMember("/dev/sdb1", "/dev/sdb", 1, ""))
    facts = make_facts(boot=boot_facts(esp_source="/dev/md127", esp_members=members),
                       mounts=(mount("/"), mount("/boot/efi", "vfat", source="/dev/md127")))
    assert _host(facts)["ESP_ON_RAID"]["data"] == {"device": "/dev/md127"}
    assert "ESP_ON_RAID" not in _host(make_facts(boot=boot_facts(), mounts=(mount("/boot/efi", "vfat"),)))

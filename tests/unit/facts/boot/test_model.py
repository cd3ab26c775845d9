"""The boot path's records: what their derived values say."""
from migrate.facts.boot.model import BIOS, BootEntry, EfiEntry
from tests.factories import boot_facts


def test_a_default_entry_names_the_release_uname_will_print():
    entry = BootEntry("/boot/vmlinuz-5.14.0-427.13.1.el9_4.x86_64", ("/boot/vmlinuz-5.14.0-427.13.1.el9_4.x86_64",), ())
    assert entry.release == "5.14.0-427.13.1.el9_4.x86_64"


def test_uefi_is_the_uefi_boot_path_only():
    assert boot_facts().uefi is True
    assert boot_facts(bootloader=BIOS, esp_source="", esp_members=()).uefi is False
    assert boot_facts(bootloader="", container="docker").uefi is False


def test_an_efi_entry_without_a_partition_number_says_zero():
    entry = EfiEntry("0003", "Rocky Linux", True, "\\EFI\\rocky\\shimx64.efi", "")
    assert entry.partnum == 0

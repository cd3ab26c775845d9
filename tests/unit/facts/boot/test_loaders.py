"""Boot loaders installed in the root and the ESP's vendor directories: files, under --root too."""
from migrate.facts.boot.loaders import collect_esp_entries, detect_bootloaders
from migrate.root import Root
from tests.kit import write


def test_bootloaders_and_esp_directories(tmp_path):
    root = Root(str(tmp_path))
    write(root, "/boot/efi/EFI/rocky/grub.cfg", "configfile $prefix/grub.cfg\n")
    write(root, "/boot/efi/EFI/BOOT/BOOTX64.EFI")
    assert detect_bootloaders(root) == ("grub2",)
    assert collect_esp_entries(root) == ("BOOT", "rocky")


def test_systemd_boot_is_told_apart(tmp_path):
    write(Root(str(tmp_path)), "/boot/efi/loader/loader.conf", "default @saved\n")
    assert detect_bootloaders(Root(str(tmp_path))) == ("systemd-boot",)
    assert detect_bootloaders(Root(str(tmp_path / "empty"))) == ()

"""The boot-related host facts (firmware, bootloaders, container), on captured output
(tests/fixtures/output/): the boot fact model's rework moves them to tests/unit/facts/test_<module>.py."""
from migrate.facts.firmware import (collect_esp_entries, detect_bootloaders, parse_mokutil,
                                    parse_secure_boot_var)
from migrate.facts.kernel import collect_kernel
from migrate.facts.machine import collect_memory, detect_container, find_container, parse_cgroup, parse_environ
from migrate.root import Root
from tests.factories import output_bytes, output_text
from tests.kit import write

_text, _bytes = output_text, output_bytes


def _put(tmp_path, path, text):
    write(Root(str(tmp_path)), path, text)


def test_secure_boot_efivar_and_mokutil():
    assert parse_secure_boot_var(_bytes("efivar-SecureBoot.enabled.bin")) is True
    assert parse_secure_boot_var(_bytes("efivar-SecureBoot.disabled.bin")) is False
    assert parse_secure_boot_var(b"\x06") is None
    assert parse_mokutil(_text("mokutil.sb-enabled.txt")) is True
    assert parse_mokutil(_text("mokutil.sb-disabled.txt")) is False
    assert parse_mokutil(_text("mokutil.no-efi.txt")) is None


def test_bootloaders_and_esp_directories(tmp_path):
    _put(tmp_path, "/boot/efi/EFI/rocky/grub.cfg", "configfile $prefix/grub.cfg\n")
    _put(tmp_path, "/boot/efi/EFI/BOOT/BOOTX64.EFI", "")
    root = Root(str(tmp_path))
    assert detect_bootloaders(root) == ("grub2",)
    assert collect_esp_entries(root) == ("BOOT", "rocky")


def test_systemd_boot_is_told_apart(tmp_path):
    _put(tmp_path, "/boot/efi/loader/loader.conf", "default @saved\n")
    assert detect_bootloaders(Root(str(tmp_path))) == ("systemd-boot",)
    assert detect_bootloaders(Root(str(tmp_path / "empty"))) == ()


def test_container_evidence():
    assert parse_environ(_bytes("proc-1-environ.podman.bin").decode()) == "podman"
    assert parse_cgroup(_text("proc-1-cgroup.docker-v1.txt")) == "docker"
    assert parse_cgroup(_text("proc-1-cgroup.host-v2.txt")) == ""


def test_container_markers_in_a_root(tmp_path):
    _put(tmp_path, "/run/.containerenv", "")
    assert find_container(Root(str(tmp_path)), ()) == "podman"
    other = tmp_path / "vm"
    _put(other, "/proc/1/cgroup", _text("proc-1-cgroup.host-v2.txt"))
    assert find_container(Root(str(other)), ()) == ""


def test_live_only_facts_are_none_under_a_root(tmp_path):
    root = Root(str(tmp_path))
    assert collect_kernel(root) == (None, None, None)
    assert collect_memory(root) is None and detect_container(root, ()) is None



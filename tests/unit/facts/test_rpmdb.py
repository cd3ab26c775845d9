from migrate.facts.rpmdb import detect_arch, parse_key_id
from tests.factories import package


def test_key_id_from_rpm_signature_text():
    assert parse_key_id("RSA/SHA256, Mon 01 Jan 2024, Key ID D36CB86CB86B3716") == "d36cb86cb86b3716"
    assert parse_key_id("(none)") is None


def test_arch_comes_from_installed_packages_not_the_machine():
    packages = (package("filesystem", arch="aarch64"), package("foo", arch="noarch"))
    assert detect_arch(packages) == "aarch64"
    assert detect_arch(()) == ""

import os

import pytest

from migrate.facts.osrelease import collect_os_release, collect_redhat_release, parse_release_file_version
from migrate.facts.repos import collect_repos, parse_repo_file
from migrate.facts.rpmdb import detect_arch, parse_key_id
from migrate.root import Root
from tests.factories import FIXTURES, package


def _root(name):
    return Root(os.path.join(FIXTURES, "roots", name))


def test_rocky_os_release_is_read_from_the_root():
    osr = collect_os_release(_root("rocky9"))
    assert (osr.os_id, osr.name, osr.version_id) == ("rocky", "Rocky Linux", "9.4")
    assert collect_redhat_release(_root("rocky9")) == "Rocky Linux release 9.4 (Blue Onyx)"


def test_stream_is_recognisable_by_name():
    osr = collect_os_release(_root("stream9"))
    assert (osr.os_id, osr.name, osr.version_id) == ("centos", "CentOS Stream", "9")


@pytest.mark.parametrize("name", ["garbage", "does-not-exist"])
def test_garbage_or_missing_os_release_gives_no_crash(name):
    osr = collect_os_release(_root(name))
    assert osr.version_id == "" or osr.os_id != "rocky"


def test_release_file_version():
    assert parse_release_file_version("CentOS Linux release 8.5.2111") == "8.5.2111"
    assert parse_release_file_version("nonsense") == ""


def test_real_shaped_repo_file_parses():
    with open(os.path.join(FIXTURES, "repos", "almalinux-baseos.repo")) as handle:
        sections = parse_repo_file(handle.read(), "/etc/yum.repos.d/almalinux-baseos.repo")
    assert [(s.repo_id, s.enabled) for s in sections] == [("baseos", True), ("baseos-debuginfo", False)]
    assert sections[0].mirrorlist.startswith("https://mirrors.almalinux.org/")
    assert sections[0].baseurl == ()


def test_broken_repo_file_is_reported_not_raised(tmp_path):
    repos = tmp_path / "etc" / "yum.repos.d"
    repos.mkdir(parents=True)
    with open(os.path.join(FIXTURES, "repos", "broken.repo")) as handle:
        (repos / "broken.repo").write_text(handle.read())
    (repos / "ok.repo").write_text("[ok]\nname=ok\nbaseurl=http://x/\n")
    sections, errors = collect_repos(Root(str(tmp_path)))
    assert [s.repo_id for s in sections] == ["ok"]
    assert len(errors) == 1 and "broken.repo" in errors[0]


def test_key_id_from_rpm_signature_text():
    assert parse_key_id("RSA/SHA256, Mon 01 Jan 2024, Key ID D36CB86CB86B3716") == "d36cb86cb86b3716"
    assert parse_key_id("(none)") is None


def test_arch_comes_from_installed_packages_not_the_machine():
    packages = (package("filesystem", arch="aarch64"), package("foo", arch="noarch"))
    assert detect_arch(packages) == "aarch64"
    assert detect_arch(()) == ""

from migrate.facts.model import OsRelease
from tests.factories import STREAM9_OS_RELEASE, make_facts, situation


def test_rocky_94_is_rocky_major_9_to_alma_9():
    _, source, target, _ = situation()
    assert (source.profile.id, source.version, source.major) == ("rocky", "9.4", 9)
    assert (target.version, target.major, target.mirror) == ("9", 9, "https://repo.almalinux.org/almalinux")


def test_stream_matches_by_name():
    _, source, _, _ = situation(make_facts(os_release=STREAM9_OS_RELEASE))
    assert source.profile.id == "centos-stream" and source.profile.downgrade_expected


def test_centos_without_stream_name_is_not_stream():
    facts = make_facts(os_release=OsRelease("centos", "CentOS Linux", "8", "CentOS Linux 8"))
    _, source, _, _ = situation(facts)
    assert source.profile.id == "centos-linux"


def test_mirror_urls_follow_the_official_layout():
    _, source, target, _ = situation(mirror="http://127.0.0.1:9/alma/", target="9.4")
    assert target.repo_url("BaseOS", source.arch) == "http://127.0.0.1:9/alma/9.4/BaseOS/x86_64/os/"
    assert target.key_url == "http://127.0.0.1:9/alma/RPM-GPG-KEY-AlmaLinux-9"

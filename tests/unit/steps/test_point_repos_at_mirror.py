import os

from migrate.steps.point_repos_at_mirror import point_repo_text
from tests.factories import FIXTURES

OFFICIAL = "https://repo.almalinux.org/almalinux"


def _text():
    with open(os.path.join(FIXTURES, "repos", "almalinux-baseos.repo")) as handle:
        return handle.read()


def test_commented_baseurl_becomes_the_mirror_and_mirrorlist_is_disabled():
    text = point_repo_text(_text(), OFFICIAL, "http://10.0.0.1/alma/")
    baseos = text.split("[baseos-debuginfo]")[0]
    assert "baseurl=http://10.0.0.1/alma/$releasever/BaseOS/$basearch/os/\n" in baseos
    assert "\n# mirrorlist=https://mirrors.almalinux.org/mirrorlist/$releasever/baseos\n" in baseos


def test_sections_without_an_official_baseurl_are_untouched():
    text = point_repo_text(_text(), OFFICIAL, "http://10.0.0.1/alma")
    assert text.split("[baseos-debuginfo]")[1] == _text().split("[baseos-debuginfo]")[1]


def test_rewriting_twice_changes_nothing_more():
    once = point_repo_text(_text(), OFFICIAL, "http://m/alma")
    assert point_repo_text(once, OFFICIAL, "http://m/alma") == once


def test_private_ca_is_named_once_per_pointed_section():
    ca = "/etc/pki/almalinux-migrate/mirror-ca.pem"
    once = point_repo_text(_text(), OFFICIAL, "https://m/alma", ca)
    pointed = [s for s in once.split("\n[") if "baseurl=https://m/alma" in s]
    assert pointed and all(s.count("sslcacert=%s\n" % ca) == 1 for s in pointed)
    assert point_repo_text(once, OFFICIAL, "https://m/alma", ca) == once

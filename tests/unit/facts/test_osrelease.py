"""Detection on real os-release and release files: the AlmaLinux images' in
tests/fixtures/real/images (etc/os-release there is the images' own link to ../usr/lib/os-release)
and the ones other vendors' release packages write, in tests/fixtures/real/releases."""
import os
import re

import pytest

from migrate.facts.model import OsRelease
from migrate.facts.osrelease import collect_os_release, collect_redhat_release, parse_release_file_version
from migrate.root import Root
from tests.factories import FIXTURES, make_facts, situation
from tests.real_corpus import REAL, image_root, images

# tests/fixtures/real/releases/<dir> -> (profile id, version, major)
RELEASES = {"eurolinux-9.4": ("eurolinux", "9.4", 9)}


def expected_version(name):
    with open(image_root(name) + "/etc/almalinux-release", encoding="utf-8") as handle:
        return re.search(r"release (\d+\.\d+)", handle.read()).group(1)


@pytest.mark.parametrize("name", images())
def test_real_almalinux_image_is_detected_as_almalinux(name):
    source, target = detected(image_root(name))
    major = int(re.match(r"al(\d+)-", name).group(1))
    assert (source.profile.id, source.version, source.major) == ("almalinux", expected_version(name), major)
    assert target.profile.major == major


def detected(path):
    root = Root(path)
    facts = make_facts(os_release=collect_os_release(root), redhat_release=collect_redhat_release(root))
    _, source, target, _ = situation(facts)
    return source, target


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_real_release_package_files_are_detected(name):
    source, target = detected(os.path.join(REAL, "releases", name))
    assert (source.profile.id, source.version, source.major) == RELEASES[name]
    assert target.profile.major == source.major


def test_every_release_directory_is_checked():
    assert sorted(os.listdir(os.path.join(REAL, "releases"))) == sorted(RELEASES)


def test_corpus_has_almalinux_8_and_9_on_two_architectures():
    assert set(re.sub(r"-\d+-", "-", n) for n in images()) == {"al8-s390x", "al9-arm64v8", "al9-s390x"}


def _root(name):
    """One of the hand-made roots in tests/fixtures/roots."""
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
    assert osr == OsRelease("", "", "", "")


def test_release_file_version():
    assert parse_release_file_version("CentOS Linux release 8.5.2111") == "8.5.2111"
    assert parse_release_file_version("nonsense") == ""

"""Detection on the real os-release and release files of the AlmaLinux images in
tests/fixtures/real/images (etc/os-release there is the images' own link to ../usr/lib/os-release)."""
import re

import pytest

from migrate.facts.osrelease import collect_os_release, collect_redhat_release
from migrate.root import Root
from tests.factories import make_facts, situation
from tests.real_corpus import image_root, images


def expected_version(name):
    with open(image_root(name) + "/etc/almalinux-release", encoding="utf-8") as handle:
        return re.search(r"release (\d+\.\d+)", handle.read()).group(1)


@pytest.mark.parametrize("name", images())
def test_real_almalinux_image_is_detected_as_almalinux(name):
    root = Root(image_root(name))
    facts = make_facts(os_release=collect_os_release(root), redhat_release=collect_redhat_release(root))
    _, source, target, _ = situation(facts)
    major = int(re.match(r"al(\d+)-", name).group(1))
    assert (source.profile.id, source.version, source.major) == ("almalinux", expected_version(name), major)
    assert target.profile.major == major


def test_corpus_has_almalinux_8_and_9_on_two_architectures():
    assert set(re.sub(r"-\d+-", "-", n) for n in images()) == {"al8-s390x", "al9-arm64v8", "al9-s390x"}

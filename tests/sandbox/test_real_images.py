"""The real CLI on copies of real AlmaLinux images' roots (tests/fixtures/real/images: their own
rpmdb, Berkeley DB on 8 and sqlite on 9, os-release, repo files and keys): an AlmaLinux host is
recognised as converted with its own architecture and version, and nothing is changed."""
import re

import pytest

from tests.real_corpus import copy_image_root, images
from tests.sandbox.cli import diff_snapshots, run_cli, snapshot
from tests.schema import assert_valid_report

# rpm rewrites the sqlite rpmdb's WAL index on every read: not content
# (https://www.sqlite.org/walformat.html, "the -shm file").
NOT_CONTENT = ("var/lib/rpm/rpmdb.sqlite-shm",)
# Branch suffix of AlmaLinux/docker-images (docker's platform name) -> rpm's architecture.
ARCH = {"arm64v8": "aarch64", "s390x": "s390x"}


def expected(name, root):
    with open(str(root / "etc" / "almalinux-release"), encoding="utf-8") as handle:
        version = re.search(r"release (\d+\.\d+)", handle.read()).group(1)
    return version, int(version.split(".")[0]), ARCH[name.rsplit("-", 1)[1]]


def changed(before, after):
    return [path for path in diff_snapshots(before, after) if path not in NOT_CONTENT]


@pytest.fixture
def image(request, tmp_path):
    import pathlib
    return request.param, pathlib.Path(copy_image_root(request.param, str(tmp_path / request.param)))


@pytest.mark.parametrize("image", images(), indirect=True)
def test_preflight_on_a_real_almalinux_image_says_already_converted_and_changes_nothing(image):
    name, root = image
    before = snapshot(root)
    result = run_cli(root, "preflight")
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    version, major, arch = expected(name, root)
    assert report["status"] == "already_converted"
    assert (report["source"]["id"], report["source"]["version"], report["source"]["major"],
            report["source"]["arch"]) == ("almalinux", version, major, arch)
    assert [f["id"] for f in report["findings"]] == ["ALREADY_CONVERTED"]
    assert report["findings"][0]["data"] == {"release_signed_by_trusted_key": True}
    assert changed(before, snapshot(root)) == []


@pytest.mark.parametrize("image", images(), indirect=True)
def test_verify_on_a_real_almalinux_image_lists_no_leftovers(image):
    """AlmaLinux 8.8 and 8.9 are signed by the 2021 key's subkey (expired, still their origin)."""
    name, root = image
    before = snapshot(root)
    result = run_cli(root, "verify")
    report = assert_valid_report(result.document)
    assert result.returncode == 0, result
    assert report["source"]["arch"] == expected(name, root)[2]
    assert report["leftovers"] == []
    assert changed(before, snapshot(root)) == []

"""The real AlmaLinux 8 images' Berkeley DB rpmdbs (tests/fixtures/real/README.md) under
--root: this machine's rpm may read them only through `bdb_ro`. Its warnings go to the log,
never to the terminal; a conversion of such a root is blocked before anything changes."""
import os
import shutil
import subprocess

import pytest

from tests.real_corpus import copy_image_root, images
from tests.sandbox.cli import REPO, diff_snapshots, run_cli, snapshot
from tests.sandbox.fixture import missing_requirements
from tests.schema import assert_valid_report

ROCKY8_OS_RELEASE = os.path.join(REPO, "tests", "fixtures", "roots", "rocky8", "etc", "os-release")
EL8_IMAGES = [name for name in images() if name.startswith("al8-")]

pytestmark = pytest.mark.skipif(bool(missing_requirements()), reason="needs rpm and its bindings")


def _rpm_writes_bdb():
    """Whether this machine's rpm lists a writable Berkeley DB backend (`bdb`, not `bdb_ro`)."""
    text = subprocess.run(["rpm", "--showrc"], stdout=subprocess.PIPE, universal_newlines=True).stdout
    lines = [line for line in text.splitlines() if line.startswith("available backends")]
    return bool(lines) and "bdb" in lines[0].split(":", 1)[1].split()


def _root(name, tmp_path, os_release=None):
    root = copy_image_root(name, str(tmp_path / "root"))
    assert os.path.isfile(os.path.join(root, "var", "lib", "rpm", "Packages"))  # Berkeley DB
    if os_release:
        shutil.copyfile(os_release, os.path.join(root, "usr", "lib", "os-release"))
    return root


@pytest.mark.parametrize("name", EL8_IMAGES)
def test_bdb_ro_warnings_go_to_the_log_not_the_terminal(name, tmp_path):
    root = _root(name, tmp_path)
    result = run_cli(root, "preflight")
    assert result.returncode == 0, result
    assert assert_valid_report(result.document)["status"] == "already_converted"
    assert "bdb_ro" not in result.stderr and "warning:" not in result.stderr
    with open(os.path.join(root, "var", "log", "almalinux-migrate.log"), encoding="utf-8") as handle:
        log = handle.read()
    if not _rpm_writes_bdb():
        assert "librpm: warning: Found bdb_ro Packages database" in log


@pytest.mark.skipif(_rpm_writes_bdb(), reason="this machine's rpm writes Berkeley DB")
@pytest.mark.parametrize("command", [("preflight",), ("convert", "--yes")])
def test_berkeley_db_root_this_rpm_cannot_write_is_blocked_before_anything_changes(tmp_path, command):
    root = _root(EL8_IMAGES[-1], tmp_path, ROCKY8_OS_RELEASE)  # the real rpmdb, as a Rocky 8 host
    before = snapshot(root)
    result = run_cli(root, *command)
    assert result.returncode == 3, result
    report = assert_valid_report(result.document)
    found = dict((f["id"], f) for f in report["findings"])["RPMDB_BACKEND_UNWRITABLE"]
    assert found["severity"] == "blocker" and not found["overridable"]
    assert found["data"]["backend"] == "bdb" and found["data"]["file"] == "/var/lib/rpm/Packages"
    assert "bdb" not in found["data"]["writable"]
    assert "Berkeley DB" in found["detail"] and "on that host itself" in found["remediation"]
    assert "bdb_ro" not in result.stderr and "warning:" not in result.stderr
    assert diff_snapshots(before, snapshot(root)) == []

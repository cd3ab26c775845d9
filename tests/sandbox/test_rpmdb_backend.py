"""A real AlmaLinux 8 Berkeley DB rpmdb (tests/fixtures/real/README.md) under --root: this
machine's rpm reads it only through `bdb_ro`. Its warnings go to the log, never to the
terminal; a conversion of such a root is blocked before anything changes."""
import os
import shutil

import pytest

from tests.sandbox.cli import REPO, diff_snapshots, run_cli, snapshot
from tests.sandbox.fixture import missing_requirements
from tests.schema import assert_valid_report

REAL = os.path.join(REPO, "tests", "fixtures", "real", "rpmdb", "almalinux-8.9-s390x")
ROCKY8_OS_RELEASE = os.path.join(REPO, "tests", "fixtures", "roots", "rocky8", "etc", "os-release")

pytestmark = pytest.mark.skipif(bool(missing_requirements()), reason="needs rpm and its bindings")


def _bdb_root(tmp_path, os_release=None):
    root = tmp_path / "root"
    shutil.copytree(REAL, str(root), symlinks=True)
    if os_release:
        shutil.copyfile(os_release, str(root / "usr" / "lib" / "os-release"))
    (root / "var" / "log").mkdir()  # every real host has it; the fixture keeps only the rpmdb
    return root


def _rpm_can_write_bdb():
    text = os.popen("rpm --showrc").read()
    return any(line.startswith("available backends") and " bdb " in (line + " ").replace(":", " ")
               for line in text.splitlines())


def test_real_almalinux_8_root_is_already_converted_and_the_terminal_stays_clean(tmp_path):
    root = _bdb_root(tmp_path)
    before = snapshot(root)
    result = run_cli(root, "preflight")
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert report["status"] == "already_converted"
    assert report["source"]["arch"] == "s390x" and report["source"]["version"] == "8.9"
    assert "bdb_ro" not in result.stderr and "warning:" not in result.stderr
    log = (root / "var" / "log" / "almalinux-migrate.log").read_text()
    if not _rpm_can_write_bdb():  # this machine's rpm said so through librpm: logged, not shown
        assert "librpm: warning: Found bdb_ro Packages database" in log
    assert diff_snapshots(before, snapshot(root)) == []


@pytest.mark.skipif(_rpm_can_write_bdb(), reason="this machine's rpm writes Berkeley DB")
@pytest.mark.parametrize("command", [("preflight",), ("convert", "--yes")])
def test_berkeley_db_root_this_rpm_cannot_write_is_blocked_before_anything_changes(tmp_path, command):
    root = _bdb_root(tmp_path, ROCKY8_OS_RELEASE)  # the same real rpmdb, as a Rocky 8 host
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

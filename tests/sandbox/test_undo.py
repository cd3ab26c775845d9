"""An undo that cannot finish is never reported as a rollback: exit 6, journal and report
`rollback_incomplete`, what is left named, and `rollback` run again finishes it. `rollback`
needs no network: everything it needs is saved before the first change."""
import glob
import signal

from tests.sandbox.cli import KILL_BEFORE, OFFLINE, diff_snapshots, run_cli, snapshot
from tests.sandbox.test_env_errors import read_only
from tests.schema import assert_valid_report


def test_a_failed_undo_is_rollback_incomplete_and_rollback_again_finishes_it(world, mirror, rocky9_root,
                                                                          trust_config):
    before = snapshot(rocky9_root)
    killed = run_cli(rocky9_root, "convert", "--yes", "--resume-on-boot", "--mirror", world.mirror_url(mirror),
                     config=trust_config, env={KILL_BEFORE: "IMPORT_TARGET_KEY"})
    assert killed.returncode == -signal.SIGKILL
    systemd = rocky9_root / "etc" / "systemd"
    with read_only(systemd):  # the resume unit cannot be removed
        first = run_cli(rocky9_root, "rollback")
    assert first.returncode == 6, first
    report = assert_valid_report(first.document)
    assert report["status"] == "rollback_incomplete"
    assert "INSTALL_RESUME_UNIT" in report["message"] and "rollback" in report["message"]
    assert "Traceback" not in first.stderr
    status = run_cli(rocky9_root, "status").document
    assert status["state"] == "rollback_incomplete"
    refused = run_cli(rocky9_root, "resume", "--yes")  # a rollback in progress is for rollback
    assert refused.returncode == 3
    assert [f["id"] for f in refused.document["findings"]] == ["ROLLBACK_INCOMPLETE"]
    second = run_cli(rocky9_root, "rollback", prefix=OFFLINE)
    assert second.returncode == 0, second
    assert assert_valid_report(second.document)["status"] == "rolled_back"
    assert diff_snapshots(before, snapshot(rocky9_root)) == []
    state = rocky9_root / "var" / "lib" / "almalinux-migrate"
    assert glob.glob(str(state / "dnf-cache" / "*" / "packages" / "*.rpm")) == []  # downloads gone


def test_rollback_before_the_key_was_saved_needs_no_network(world, mirror, rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={KILL_BEFORE: "SAVE_TARGET_KEY"})
    assert killed.returncode == -signal.SIGKILL
    rolled = run_cli(rocky9_root, "rollback", prefix=OFFLINE)
    assert rolled.returncode == 0, rolled
    assert assert_valid_report(rolled.document)["status"] == "rolled_back"
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


"""A tampered mirror, a held lock, bad options: refused cleanly, the root left as it was."""
import fcntl
import signal

import pytest

from tests.sandbox.cli import KILL_BEFORE, diff_snapshots, installed_signatures, run_cli, snapshot
from tests.schema import assert_valid_report


@pytest.mark.parametrize("label", ["tampered", "unsigned"])
def test_bad_package_on_the_mirror_rolls_back_and_leaves_the_root_unchanged(label, world, mirror, rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror, label), config=trust_config)
    assert result.returncode == 4, result
    report = assert_valid_report(result.document)
    assert report["status"] == "rolled_back"
    steps = dict((s["id"], s) for s in report["steps"])
    assert steps["VERIFY_SIGNATURES"]["outcome"] == "failed"
    assert world.broken_package in steps["VERIFY_SIGNATURES"]["detail"]
    assert steps["IMPORT_TARGET_KEY"]["outcome"] == "pending"
    assert diff_snapshots(before, snapshot(rocky9_root)) == []
    assert run_cli(rocky9_root, "status").document["state"] == "rolled_back"


def test_a_second_run_while_the_lock_is_held_exits_7(world, mirror, rocky9_root, trust_config):
    state = rocky9_root / "var" / "lib" / "almalinux-migrate"
    state.mkdir(parents=True)
    before = snapshot(rocky9_root)
    with open(str(state / "lock"), "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 7, result
    assert "Another almalinux-migrate run" in result.stderr
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_unknown_option_is_a_usage_error(rocky9_root):
    assert run_cli(rocky9_root, "convert", "--bogus").returncode == 2
    assert run_cli(rocky9_root, "preflight", "--third-party", "maybe").returncode == 2


def test_broken_config_is_a_usage_error_naming_the_key(rocky9_root, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[trust]\nextra_fingerprints = ["nope"]\n')
    result = run_cli(rocky9_root, "preflight", config=config)
    assert result.returncode == 2 and "extra_fingerprints" in result.stderr


def test_convert_without_yes_and_without_a_terminal_refuses(rocky9_root):
    result = run_cli(rocky9_root, "convert")
    assert result.returncode == 2 and "--yes" in result.stderr


def test_killed_after_the_point_of_no_return_resumes_to_a_converted_host(world, mirror, rocky9_root, trust_config, tmp_path):
    url = world.mirror_url(mirror)
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", url, config=trust_config,
                     env={KILL_BEFORE: "DISTRO_SYNC"})
    assert killed.returncode == -signal.SIGKILL
    status = run_cli(rocky9_root, "status").document
    assert status["state"] == "interrupted" and status["journal_state"] == "running"
    assert status["point_of_no_return_passed"] is True
    assert dict((s["id"], s["state"]) for s in status["steps"])["IMPORT_TARGET_KEY"] == "done"

    assert run_cli(rocky9_root, "rollback", config=trust_config).returncode == 3  # too late to undo
    resumed = run_cli(rocky9_root, "resume", "--yes", config=trust_config)
    assert resumed.returncode == 0, resumed
    report = assert_valid_report(resumed.document)
    assert report["status"] == "converted"
    signatures = installed_signatures(rocky9_root)
    assert signatures["rocky-only-tool"] == world.keys["rocky"].keyid
    assert signatures["resigned"] == signatures["almalinux-release"] == world.keys["alma"].keyid
    assert "rocky-release" not in signatures


def test_killed_before_the_point_of_no_return_rolls_back_to_the_same_bytes(world, mirror, rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={KILL_BEFORE: "BACKUP_FILES"})
    assert killed.returncode == -signal.SIGKILL
    assert run_cli(rocky9_root, "preflight").returncode == 3  # CONVERSION_IN_PROGRESS
    rolled = run_cli(rocky9_root, "rollback", config=trust_config)
    assert rolled.returncode == 0, rolled
    assert assert_valid_report(rolled.document)["status"] == "rolled_back"
    assert diff_snapshots(before, snapshot(rocky9_root)) == []

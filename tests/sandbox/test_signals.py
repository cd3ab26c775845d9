"""SIGINT, SIGTERM and SIGHUP wherever a run can be: before the point of no return a stop undoes
everything (exit 4, the root byte-identical); after it the rpm transaction is never cut, SIGHUP
is ignored and SIGINT/SIGTERM stop at the next step boundary (exit 5, `resume` finishes).

The signals are sent by the process to itself at a named point (migrate.faults): real signals
through the kernel, at points a test can name. A sample of the boundaries, plus points inside
the download and inside the rpm transaction."""
import glob
import os

import pytest

from tests.sandbox.cli import OFFLINE, diff_snapshots, end_state, read_events, run_cli, snapshot
from tests.schema import assert_valid_report

SIGNAL = "ALMALINUX_MIGRATE_TEST_SIGNAL"


def _convert(world, mirror, root, config, signal_at, events):
    return run_cli(root, "convert", "--yes", "--downgrade", "--mirror", world.mirror_url(mirror),
                   "--events", str(events), config=config, env={SIGNAL: signal_at})


def _signal_actions(events_path):
    return [(e["signal"], e["action"]) for e in read_events(events_path) if e["event"] == "signal"]


def _finished(events_path):
    return [(e["status"], e["exit_code"]) for e in read_events(events_path) if e["event"] == "run_finished"]


@pytest.fixture(scope="module")
def reference(world, mirror, tmp_path_factory):
    """The end state of an uninterrupted conversion of the CentOS Stream 9 host."""
    root = world.copy_root("centos-stream-9", str(tmp_path_factory.mktemp("reference") / "root"))
    config = tmp_path_factory.mktemp("config") / "trust.toml"
    config.write_text('[trust]\nextra_fingerprints = ["%s"]\n' % world.keys["alma"].fingerprint)
    result = run_cli(root, "convert", "--yes", "--downgrade", "--mirror", world.mirror_url(mirror),
                     config=str(config))
    assert result.returncode == 0, result
    return end_state(root)


# (signals, where): boundaries before the point of no return (VERIFY_SIGNATURES and BACKUP_FILES
# come after the source-update probe, whose librepo kept its own SIGINT handler), and inside
# the download.
BEFORE = [
    ("SIGINT", "DOWNLOAD_PACKAGES"),
    ("SIGINT", "VERIFY_SIGNATURES"),
    ("SIGTERM", "BACKUP_FILES"),
    ("SIGHUP", "INSTALL_RESUME_UNIT"),
    ("SIGINT", "DOWNLOAD_PACKAGES#2"),
    ("SIGTERM", "DOWNLOAD_PACKAGES#3"),
    ("SIGTERM", "SAVE_TARGET_KEY"),
]


@pytest.mark.parametrize("name,where", BEFORE, ids=["%s@%s" % s for s in BEFORE])
def test_a_signal_before_the_point_of_no_return_undoes_everything(name, where, world, mirror, centos9_root,
                                                                  trust_config, tmp_path):
    before = snapshot(centos9_root)
    events = tmp_path / "events.jsonl"
    result = _convert(world, mirror, centos9_root, trust_config, "%s@%s" % (name, where), events)
    assert result.returncode == 4, result
    report = assert_valid_report(result.document)
    assert report["status"] == "rolled_back" and "Stopped by %s" % name in report["message"]
    assert "%s: stopping" % name in result.stderr
    assert "Traceback" not in result.stderr
    assert diff_snapshots(before, snapshot(centos9_root)) == []
    assert run_cli(centos9_root, "status").document["state"] == "rolled_back"
    assert (name, "stop_and_undo") in _signal_actions(events)
    assert _finished(events) == [("rolled_back", 4)]
    state = centos9_root / "var" / "lib" / "almalinux-migrate"
    assert glob.glob(str(state / "dnf-cache" / "*" / "packages" / "*.rpm")) == []  # downloads gone


def test_a_repeated_signal_is_answered_on_screen(world, mirror, centos9_root, trust_config, tmp_path):
    before = snapshot(centos9_root)
    events = tmp_path / "events.jsonl"
    result = _convert(world, mirror, centos9_root, trust_config, "SIGINT,SIGTERM@BACKUP_FILES", events)
    assert result.returncode == 4, result
    assert "SIGTERM: already stopping (SIGINT)" in result.stderr
    assert _signal_actions(events) == [("SIGINT", "stop_and_undo"), ("SIGTERM", "already_stopping")]
    assert diff_snapshots(before, snapshot(centos9_root)) == []


def test_a_signal_during_preflight_stops_it_with_exit_4_and_nothing_changed(centos9_root, trust_config, world, mirror):
    before = snapshot(centos9_root)
    result = run_cli(centos9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={SIGNAL: "SIGTERM@ASSESS"})
    assert result.returncode == 4, result
    report = assert_valid_report(result.document)
    assert report["status"] == "error" and [f["id"] for f in report["findings"]] == ["INTERRUPTED"]
    assert diff_snapshots(before, snapshot(centos9_root)) == []
    assert not os.path.exists(str(centos9_root / "var/lib/almalinux-migrate/journal.json"))


def test_sighup_inside_the_transaction_is_ignored_and_the_conversion_finishes(world, mirror, centos9_root,
                                                                            trust_config, tmp_path, reference):
    """Inside the transaction SIGHUP is SIG_IGN (rpm's scriptlets inherit that): nothing to say."""
    events = tmp_path / "events.jsonl"
    result = _convert(world, mirror, centos9_root, trust_config, "SIGHUP@DISTRO_SYNC#3", events)
    assert result.returncode == 0, result
    assert assert_valid_report(result.document)["status"] == "converted"
    assert _signal_actions(events) == []
    assert end_state(centos9_root) == reference


def test_sighup_after_the_point_of_no_return_is_ignored_and_said(world, mirror, centos9_root, trust_config,
                                                                 tmp_path, reference):
    events = tmp_path / "events.jsonl"
    result = _convert(world, mirror, centos9_root, trust_config, "SIGHUP@SET_ASIDE_REPO_FILES", events)
    assert result.returncode == 0, result
    assert assert_valid_report(result.document)["status"] == "converted"
    assert "SIGHUP ignored" in result.stderr
    assert _signal_actions(events) == [("SIGHUP", "ignored")]
    assert end_state(centos9_root) == reference


# (signal, where, the transaction's outcome when the run stops)
AFTER = [("SIGTERM", "DISTRO_SYNC#3", "done"), ("SIGINT", "DISTRO_SYNC#40", "done"),
         ("SIGINT", "SET_ASIDE_REPO_FILES", "done"), ("SIGTERM", "POINT_OF_NO_RETURN", "pending")]


@pytest.mark.parametrize("name,where,transaction", AFTER, ids=["%s@%s" % s[:2] for s in AFTER])
def test_a_stop_after_the_point_of_no_return_lets_the_transaction_finish_then_resume_ends_it(
        name, where, transaction, world, mirror, centos9_root, trust_config, tmp_path, reference):
    events = tmp_path / "events.jsonl"
    result = _convert(world, mirror, centos9_root, trust_config, "%s@%s" % (name, where), events)
    assert result.returncode == 5, result
    report = assert_valid_report(result.document)
    assert report["status"] == "failed" and "Stopped by %s" % name in report["message"]
    outcomes = dict((s["id"], s["outcome"]) for s in report["steps"])
    assert outcomes["DISTRO_SYNC"] == transaction  # never cut: done, or not started
    assert "never cut" in result.stderr
    assert (name, "stop_after_step") in _signal_actions(events)
    assert _finished(events) == [("failed", 5)]
    journal = run_cli(centos9_root, "status").document
    assert journal["state"] == "failed" and journal["stopped_by"] == name
    resumed = run_cli(centos9_root, "resume", "--yes", prefix=OFFLINE, config=trust_config)
    assert resumed.returncode == 0, resumed
    assert end_state(centos9_root) == reference

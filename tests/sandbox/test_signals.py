"""SIGINT, SIGTERM and SIGHUP wherever a run can be: before the point of no return a stop undoes
everything (exit 4, the root byte-identical); after it the rpm transaction is never cut, SIGHUP
is ignored and SIGINT/SIGTERM stop at the next step boundary (exit 5, `resume` finishes).

The signals are sent by the process to itself at a named point (migrate.faults): real signals
through the kernel, at points a test can name. A sample of the boundaries, plus points inside
the download and inside the rpm transaction."""
import configparser
import glob
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.sandbox.cli import OFFLINE, REPO, diff_snapshots, end_state, read_events, run_cli, snapshot
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


# -- a signal while the modules still load ------------------------------------------------------

# sitecustomize.py in a directory put first on PYTHONPATH: site imports it at start-up, before
# any launcher. It makes the first `import` statement of one module slow (a minute, after
# writing a marker) whichever finder then loads it (the pyz puts its own first), so the test
# signals the launcher exactly while it is loading the tool.
SLOW_IMPORT = """import builtins, time

_real_import = builtins.__import__
_marker = [{marker!r}]


def _slow_once(name, globals=None, locals=None, fromlist=(), level=0):
    wanted = [name] + ["%s.%s" % (name, item) for item in fromlist or ()]
    if _marker and level == 0 and {name!r} in wanted:
        open(_marker.pop(), "w").close()
        time.sleep(60)
    return _real_import(name, globals, locals, fromlist, level)


builtins.__import__ = _slow_once
"""


def _console_script():
    """What pip's generated script for setup.cfg's console entry point runs."""
    parser = configparser.ConfigParser()
    parser.read(os.path.join(REPO, "setup.cfg"))
    target = parser["options.entry_points"]["console_scripts"].strip().partition("=")[2].strip()
    module, _, function = target.partition(":")
    return ["-c", "import sys; from %s import %s; sys.exit(%s())" % (module, function, function)]


LAUNCHERS = {"python -m migrate": ["-m", "migrate"], "console script": _console_script()}
EARLY = [  # (launcher, signal, the slow import, --output)
    ("python -m migrate", "SIGINT", "typer", "json"),  # inside migrate.cli's own imports
    ("console script", "SIGINT", "migrate.cli", "json"),
    ("console script", "SIGTERM", "rich.console", "text"),
    ("python -m migrate", "SIGHUP", "migrate.report.failure", "json"),  # needed again for the document
]


def stopped_while_loading(launcher, name, slow, output, tmp_path, pythonpath=(REPO,), cwd=REPO):
    """Run `launcher --root EMPTY --output OUTPUT preflight`, send signal `name` while it imports
    module `slow`, and check that it stopped as one stopped before any change does."""
    shim = tmp_path / "shim"
    shim.mkdir()
    marker = tmp_path / "importing"
    (shim / "sitecustomize.py").write_text(SLOW_IMPORT.format(name=slow, marker=str(marker)))
    root = tmp_path / "root"
    root.mkdir()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join((str(shim),) + tuple(pythonpath)))
    proc = subprocess.Popen(list(launcher) + ["--root", str(root), "--output", output, "preflight"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, env=env, cwd=cwd)
    deadline = time.time() + 30
    while not marker.exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert marker.exists(), proc.communicate()
    proc.send_signal(getattr(signal, name))
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 4, (stdout, stderr)
    assert stderr == "almalinux-migrate: Stopped by %s; nothing was changed.\n" % name
    if output == "json":
        report = assert_valid_report(json.loads(stdout))  # the whole of stdout: one document
        assert (report["status"], report["exit_code"], report["command"]) == ("error", 4, None)
        assert [f["id"] for f in report["findings"]] == ["INTERRUPTED"]
    else:
        assert stdout == ""
    assert os.listdir(str(root)) == []


@pytest.mark.parametrize("launcher,name,slow,output", EARLY, ids=["-".join(r) for r in EARLY])
def test_a_signal_while_the_modules_load_exits_4_without_a_traceback(launcher, name, slow, output, tmp_path):
    stopped_while_loading([sys.executable] + LAUNCHERS[launcher], name, slow, output, tmp_path)

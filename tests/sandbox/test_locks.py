"""Locks: another package manager holding rpm's transaction lock or dnf's pid lock blocks a run
at once (exit 3, PACKAGE_MANAGER_RUNNING naming the PID), under --root too, and probing creates
nothing in the root; the tool's own lock keeps a second run (verify included) out with exit 7
and one JSON document, without a line in the first run's events file."""
import os
import signal
import subprocess
import sys

import pytest

from tests.sandbox.cli import KILL_BEFORE, diff_snapshots, run_cli, snapshot
from tests.schema import assert_valid_report

HOLD = """
import fcntl, sys
kind, path = sys.argv[1], sys.argv[2]
handle = open(path, "a+")
if kind == "rpm":
    fcntl.lockf(handle.fileno(), fcntl.LOCK_EX)  # rpm's lib/rpmlock.c: fcntl F_SETLK
elif kind == "tool":
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


class Holder(object):
    """A helper process holding a lock of KIND on PATH until stopped."""

    def __init__(self, kind, path):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD, kind, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, universal_newlines=True)
        assert self.proc.stdout.readline() == "held\n"
        self.pid = self.proc.pid

    def stop(self):
        self.proc.stdin.close()
        self.proc.wait()


def _convert(world, mirror, root, config, *extra):
    return run_cli(root, "convert", "--yes", "--mirror", world.mirror_url(mirror), *extra, config=config,
                   timeout=120)


def _blocked_by(result, pid):
    assert result.returncode == 3, result
    findings = dict((f["id"], f) for f in assert_valid_report(result.document)["findings"])
    assert "pid %d" % pid in findings["PACKAGE_MANAGER_RUNNING"]["detail"]


def test_a_held_rpm_transaction_lock_blocks_at_once(world, mirror, rocky9_root, trust_config):
    lock = rocky9_root / "var" / "lib" / "rpm" / ".rpm.lock"
    lock.touch()
    before = snapshot(rocky9_root)
    holder = Holder("rpm", lock)
    try:
        _blocked_by(_convert(world, mirror, rocky9_root, trust_config), holder.pid)
    finally:
        holder.stop()
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_a_live_dnf_pid_lock_blocks_at_once_and_nothing_waits(world, mirror, rocky9_root, trust_config):
    sleeper = subprocess.Popen(["sleep", "300"])
    try:
        lock = rocky9_root / "var" / "lib" / "dnf" / "rpmdb_lock.pid"
        lock.parent.mkdir(parents=True, exist_ok=True)
        lock.write_text(str(sleeper.pid))
        before = snapshot(rocky9_root)
        _blocked_by(_convert(world, mirror, rocky9_root, trust_config), sleeper.pid)
        assert diff_snapshots(before, snapshot(rocky9_root)) == []
    finally:
        sleeper.kill()
        sleeper.wait()


def test_probing_the_locks_creates_no_lock_file_in_the_root(world, mirror, rocky9_root, trust_config):
    lock = rocky9_root / "var" / "lib" / "rpm" / ".rpm.lock"
    if lock.exists():
        lock.unlink()
    before = snapshot(rocky9_root)
    result = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 0, result
    assert diff_snapshots(before, snapshot(rocky9_root)) == []
    assert not lock.exists()


def test_resume_is_blocked_by_a_held_rpm_lock_then_clears_dnf_s_stale_lock(world, mirror, rocky9_root,
                                                                           trust_config):
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={KILL_BEFORE: "DISTRO_SYNC"})
    assert killed.returncode == -signal.SIGKILL
    lock = rocky9_root / "var" / "lib" / "rpm" / ".rpm.lock"
    lock.touch()
    holder = Holder("rpm", lock)
    try:
        _blocked_by(run_cli(rocky9_root, "resume", "--yes", config=trust_config), holder.pid)
    finally:
        holder.stop()
    stale = rocky9_root / "var" / "lib" / "dnf" / "rpmdb_lock.pid"
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale.write_text(str(dead.pid))  # what a transaction killed by a power cut leaves
    resumed = run_cli(rocky9_root, "resume", "--yes", config=trust_config)
    assert resumed.returncode == 0, resumed
    assert not stale.exists()


@pytest.mark.parametrize("command", [["verify"], ["preflight"], ["convert", "--yes"], ["rollback"]])
def test_a_second_run_while_the_lock_is_held_prints_one_document_and_touches_no_events(command, rocky9_root,
                                                                                       tmp_path):
    state = rocky9_root / "var" / "lib" / "almalinux-migrate"
    state.mkdir(parents=True)
    report = rocky9_root / "var" / "log" / "almalinux-migrate-report.json"
    events = tmp_path / "events.jsonl"
    events.write_text('{"event": "run_started"}\n')
    holder = Holder("tool", state / "lock")
    try:
        result = run_cli(rocky9_root, *command, "--events", str(events))
        assert result.returncode == 7, result
        document = assert_valid_report(result.document)
        assert document["status"] == "error" and [f["id"] for f in document["findings"]] == ["LOCKED"]
        assert events.read_text() == '{"event": "run_started"}\n'
        assert not report.exists()  # the running one's report is not overwritten
        assert run_cli(rocky9_root, "status").returncode == 0  # lock-free
        assert run_cli(rocky9_root, "bundle", "--file", str(tmp_path / "b.tar.gz")).returncode == 0
    finally:
        holder.stop()


def test_preflight_never_creates_an_rpmdb(rocky9_root, world, mirror, trust_config):
    rpmdb = rocky9_root / "var" / "lib" / "rpm"
    for name in os.listdir(str(rpmdb)):
        os.unlink(str(rpmdb / name))  # .rpm.lock included
    before = snapshot(rocky9_root)
    result = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 3, result
    assert os.listdir(str(rpmdb)) == []
    assert diff_snapshots(before, snapshot(rocky9_root)) == []

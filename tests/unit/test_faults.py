"""Fault injection read from the environment: a SIGKILL, signals and a full disk, each at the
boundary or progress count the test suite names."""
import errno
import os
import signal
import subprocess
import sys

import pytest

from migrate import faults


@pytest.fixture
def usr_signals():
    """SIGUSR1/SIGUSR2 sent to this process, in order, instead of their default (exit)."""
    received = []
    previous = [signal.signal(s, lambda signum, frame: received.append(signal.Signals(signum).name))
                for s in (signal.SIGUSR1, signal.SIGUSR2)]
    yield received
    for signum, handler in zip((signal.SIGUSR1, signal.SIGUSR2), previous):
        signal.signal(signum, handler)


def test_signals_are_sent_at_the_named_boundary_only(monkeypatch, usr_signals):
    monkeypatch.setenv(faults.SIGNAL, "SIGUSR1,SIGUSR2@DISTRO_SYNC")
    faults.at_boundary("DOWNLOAD_PACKAGES")
    faults.at_progress("DISTRO_SYNC", 1)  # no count given: the boundary only
    assert usr_signals == []
    faults.at_boundary("DISTRO_SYNC")
    assert usr_signals == ["SIGUSR1", "SIGUSR2"]


def test_signals_with_a_count_are_sent_at_that_progress_report(monkeypatch, usr_signals):
    monkeypatch.setenv(faults.SIGNAL, "SIGUSR1@DISTRO_SYNC#3")
    faults.at_boundary("DISTRO_SYNC")
    faults.at_progress("DISTRO_SYNC", 2)
    faults.at_progress("DOWNLOAD_PACKAGES", 3)
    assert usr_signals == []
    faults.at_progress("DISTRO_SYNC", 3)
    assert usr_signals == ["SIGUSR1"]


def test_the_second_signal_is_sent_when_the_first_ones_handler_raises(monkeypatch, usr_signals):
    def raising(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGUSR1, raising)
    monkeypatch.setenv(faults.SIGNAL, "SIGUSR1,SIGUSR2@ASSESS")
    with pytest.raises(KeyboardInterrupt):
        faults.at_boundary("ASSESS")
    assert usr_signals == ["SIGUSR2"]


def test_a_value_without_a_step_sends_nothing(monkeypatch, usr_signals):
    monkeypatch.setenv(faults.SIGNAL, "SIGUSR1")
    faults.at_boundary("SIGUSR1")
    assert usr_signals == []


def test_kill_before_is_a_sigkill_at_that_boundary_only():
    code = "from migrate import faults; faults.at_boundary('ASSESS'); faults.at_boundary('POINT_OF_NO_RETURN')"
    env = dict(os.environ, **{faults.KILL_BEFORE: "POINT_OF_NO_RETURN"})
    survived = "from migrate import faults; faults.at_boundary('ASSESS'); print('alive')"
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == -signal.SIGKILL
    done = subprocess.run([sys.executable, "-c", survived], env=env, stdout=subprocess.PIPE)
    assert (done.returncode, done.stdout) == (0, b"alive\n")


def test_fill_before_fills_the_state_dir_at_that_boundary_or_the_dir_it_names(monkeypatch, tmp_path):
    """The state dir's filler is /dev/full (full at once); the trap's is a directory, which
    refuses to open: filling the wrong one fails the test."""
    state, trap = tmp_path / "state", tmp_path / "trap"
    state.mkdir()
    trap.mkdir()
    os.symlink("/dev/full", str(state / faults.FILLER))
    os.symlink(str(tmp_path), str(trap / faults.FILLER))
    monkeypatch.setenv(faults.FILL_BEFORE, "DISTRO_SYNC")
    faults.at_boundary("DOWNLOAD_PACKAGES", str(trap))
    faults.at_boundary("DISTRO_SYNC", str(state))
    monkeypatch.setenv(faults.FILL_BEFORE, "DISTRO_SYNC:%s" % trap)
    with pytest.raises(OSError) as caught:
        faults.at_boundary("DISTRO_SYNC", str(state))
    assert caught.value.errno == errno.EISDIR

"""Fault injection for the test suite, read from the environment. Never set outside tests.

- ALMALINUX_MIGRATE_TEST_KILL_BEFORE=STEP: SIGKILL ourselves right before STEP (or the
  POINT_OF_NO_RETURN boundary), as a power cut or an OOM kill would; the boundaries also
  include ASSESS (preflight's facts read, its checks not yet run) and DNF_HISTORY_END (rpm's
  run over, dnf's history record of it not yet ended);
- ALMALINUX_MIGRATE_TEST_SIGNAL=SIG[,SIG...]@STEP[#N]: send ourselves the signals right before
  STEP starts or, with #N, at STEP's N-th progress report (inside a download or the rpm
  transaction), as a person pressing Ctrl-C or an init system stopping us would;
- ALMALINUX_MIGRATE_TEST_FILL_BEFORE=STEP[:DIR]: fill the filesystem that holds DIR (default:
  the state dir) right before STEP, as another program filling the disk would."""
import errno
import os
import signal

KILL_BEFORE = "ALMALINUX_MIGRATE_TEST_KILL_BEFORE"
SIGNAL = "ALMALINUX_MIGRATE_TEST_SIGNAL"
FILL_BEFORE = "ALMALINUX_MIGRATE_TEST_FILL_BEFORE"
FILLER = ".almalinux-migrate-test-filler"
HISTORY_END = "DNF_HISTORY_END"


def _signal_spec():
    """(names, step, count or None) from SIGNAL, or None."""
    value = os.environ.get(SIGNAL)
    if not value or "@" not in value:
        return None
    names, _, where = value.partition("@")
    step, _, count = where.partition("#")
    return names.split(","), step, int(count) if count else None


def _send(names):
    """One after the other, as a person pressing Ctrl-C twice would: the next one is sent even
    when the handler of the first raises."""
    if not names:
        return
    try:
        os.kill(os.getpid(), getattr(signal, names[0]))
    finally:
        _send(names[1:])


def at_boundary(boundary, state_dir=None):
    if os.environ.get(KILL_BEFORE) == boundary:
        os.kill(os.getpid(), signal.SIGKILL)
    fill_step, _, fill_dir = (os.environ.get(FILL_BEFORE) or "").partition(":")
    if fill_step == boundary and (fill_dir or state_dir):
        fill(fill_dir or state_dir)
    spec = _signal_spec()
    if spec and spec[1] == boundary and spec[2] is None:
        _send(spec[0])


def at_progress(step_id, count):
    spec = _signal_spec()
    if spec and spec[1] == step_id and spec[2] == count:
        _send(spec[0])


def fill(directory):
    """Write zeros to DIRECTORY/FILLER until the filesystem is full (partial writes included)."""
    block = b"\0" * 65536
    fd = os.open(os.path.join(directory, FILLER), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while True:
            os.write(fd, block)
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
    finally:
        os.close(fd)

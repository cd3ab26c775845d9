"""librpm prints its own messages (a Berkeley DB rpmdb read through `bdb_ro` warns on every
open) straight to the process's stderr, which is the terminal and, with `--output json`, the
stream a panel reads. Route them into our log instead: a pipe rpm writes to and a thread that
logs each line. dnf points rpm back at sys.stderr after each transaction (dnf/yum/rpmtrans.py
`_shutdownOutputLogging`), so call route_rpm_log() again after one."""
import logging
import os
import threading

log = logging.getLogger("rpm")
_state = {"writer": None}


def _pump(fd):
    with os.fdopen(fd, "r", encoding="utf-8", errors="replace") as reader:
        for line in reader:
            line = line.rstrip("\n")
            if line:
                log.info("librpm: %s", line)


def route_rpm_log():
    """Send librpm's messages to the log (INFO: shown on the terminal only with -v)."""
    try:
        import rpm
    except ImportError:  # no bindings: preflight says so as a finding
        return
    if _state["writer"] is None:
        read_fd, write_fd = os.pipe()
        os.set_inheritable(write_fd, False)
        thread = threading.Thread(target=_pump, args=(read_fd,), name="rpm-log", daemon=True)
        thread.start()
        _state["writer"] = os.fdopen(write_fd, "w")
    rpm.setLogFile(_state["writer"])

"""A signal while migrate.cli still loads ends the run as one stopped before any change: exit 4,
one line on stderr, the error document with --output json, no traceback. Here the signal is sent
for real from inside the import of migrate.cli (every launcher: tests/sandbox/test_signals.py)."""
import json
import os
import subprocess
import sys

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# argv: signal name, then the command line. An import hook sends the signal as migrate.cli loads.
SIGNAL_WHILE_LOADING = """
import os, signal, sys
class SignalOnLoad(object):
    def find_spec(self, name, path=None, target=None):
        if name == "migrate.cli":
            os.kill(os.getpid(), getattr(signal, SIGNAL))
        return None
SIGNAL = sys.argv.pop(1)
sys.meta_path.insert(0, SignalOnLoad())
from migrate.launch import main
main()
"""


def stopped(name, *argv):
    return subprocess.run([sys.executable, "-c", SIGNAL_WHILE_LOADING, name] + list(argv), cwd=PROJECT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)


def test_ctrl_c_while_loading_is_exit_4_in_one_line():
    done = stopped("SIGINT", "--root", "/nonexistent", "preflight")
    assert (done.returncode, done.stdout, done.stderr) == (
        4, "", "almalinux-migrate: Stopped by SIGINT; nothing was changed.\n")


def test_a_sigterm_while_loading_with_output_json_prints_the_error_document(tmp_path):
    done = stopped("SIGTERM", "--root", str(tmp_path), "--output", "json", "preflight")
    assert (done.returncode, done.stderr) == (4, "almalinux-migrate: Stopped by SIGTERM; nothing was changed.\n")
    document = json.loads(done.stdout)
    assert (document["command"], document["status"], document["exit_code"], document["root"]) == (
        None, "error", 4, str(tmp_path))
    assert [(f["id"], f["detail"]) for f in document["findings"]] == [
        ("INTERRUPTED", "Stopped by SIGTERM; nothing was changed.")]

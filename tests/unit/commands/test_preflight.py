"""preflight: assess under the tool's lock and report; it changes nothing but the tool's own
state dir."""
import os
import shutil
import subprocess
import sys

import pytest

from migrate.commands import preflight
from migrate.errors import EXIT_BLOCKED, Locked
from migrate.layout import LOCK, STATE_DIR
from migrate.plan.model import empty_plan, plan_counts
from migrate.root import Root
from tests.factories import FIXTURES
from tests.kit import make_command_ctx

# Another almalinux-migrate run, as far as the lock can tell: an flock on the lock file.
HOLD_LOCK = "import fcntl, sys, time; f = open(sys.argv[1], 'a+'); fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB); " \
            "print('held', flush=True); time.sleep(float(sys.argv[2]))"


def debian(tmp_path):
    root = Root(str(tmp_path / "root"))
    shutil.copytree(os.path.join(FIXTURES, "roots", "debian12"), root.path)
    return root


def tree(path):
    return sorted(os.path.relpath(os.path.join(d, n), path) for d, dirs, files in os.walk(path) for n in dirs + files)


def test_a_blocked_host_gets_the_report_and_exit_3_and_only_the_state_dir_is_new(tmp_path):
    root = debian(tmp_path)
    before = tree(root.path)
    report, code = preflight.run(make_command_ctx(root))
    assert (code, report["exit_code"], report["command"], report["status"]) == (EXIT_BLOCKED, 3, "preflight", "blocked")
    assert [f["id"] for f in report["findings"]] == ["UNSUPPORTED_SOURCE"]
    assert (report["steps"], report["plan"]) == ([], dict(empty_plan(), counts=plan_counts(empty_plan())))
    assert sorted(set(tree(root.path)) - set(before)) == ["var", "var/lib", "var/lib/almalinux-migrate",
                                                          "var/lib/almalinux-migrate/lock"]
    released = subprocess.run([sys.executable, "-c", HOLD_LOCK, root.join(LOCK), "0"], stdout=subprocess.PIPE)
    assert (released.returncode, released.stdout) == (0, b"held\n")  # another run may take it now


def test_a_run_holding_the_lock_in_another_process_refuses_this_one(tmp_path):
    root = debian(tmp_path)
    root.makedirs(STATE_DIR)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, root.join(LOCK), "60"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"held\n"
        with pytest.raises(Locked) as caught:
            preflight.run(make_command_ctx(root))
        assert caught.value.exit_code == 7
    finally:
        holder.kill()
        holder.wait()

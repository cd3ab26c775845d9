import os
import subprocess
import sys

from migrate.facts.pm_locks import clear_stale_dnf_locks, collect_lock_holders
from migrate.root import Root
from tests.kit import dead_pid, write


HOLD_RPM_LOCK = """
import fcntl, sys
handle = open(sys.argv[1], "a+")
fcntl.lockf(handle.fileno(), fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


def test_held_rpm_and_dnf_locks_are_named_under_a_root_and_stale_dnf_locks_cleared(tmp_path):
    root = Root(str(tmp_path))
    write(Root(str(tmp_path)), "/var/lib/rpm/rpmdb.sqlite", "")
    lock = tmp_path / "var/lib/rpm/.rpm.lock"
    lock.write_text("")
    write(Root(str(tmp_path)), "/var/cache/dnf/metadata_lock.pid", str(dead_pid()))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_RPM_LOCK, str(lock)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, universal_newlines=True)
    try:
        assert holder.stdout.readline() == "held\n"
        assert collect_lock_holders(root) == ("/var/lib/rpm/.rpm.lock held by pid %d" % holder.pid,)
    finally:
        holder.stdin.close()
        holder.wait()
    assert collect_lock_holders(root) == ()
    assert clear_stale_dnf_locks(root) == ["/var/cache/dnf/metadata_lock.pid"]
    assert sorted(os.listdir(str(tmp_path / "var/lib/rpm"))) == [".rpm.lock", "rpmdb.sqlite"]


def test_probing_locks_creates_nothing_in_the_root(tmp_path):
    assert collect_lock_holders(Root(str(tmp_path))) == ()
    assert os.listdir(str(tmp_path)) == []

import os

from migrate.facts.kernel import collect_kernel
from migrate.facts.machine import collect_memory, find_package_managers, parse_meminfo
from migrate.root import Root
from tests.factories import output_text
from tests.kit import dead_pid, write


def test_meminfo():
    memory = parse_meminfo(output_text("meminfo.rocky9-2g.txt"))
    assert memory.total == 1860088 * 1024 and memory.available == 1210420 * 1024
    assert memory.swap_free == 2097148 * 1024
    assert parse_meminfo("") is None


def test_package_managers_and_held_dnf_lock(tmp_path):
    write(Root(str(tmp_path)), "/proc/812/comm", "dnf\n")
    write(Root(str(tmp_path)), "/proc/900/comm", "sshd\n")
    write(Root(str(tmp_path)), "/proc/77/comm", "packagekitd\n")
    write(Root(str(tmp_path)), "/proc/1000/comm", "rpm\n")  # our own process: ignored
    holder = os.getppid()  # a live process of this machine: dnf's lock names PIDs of the kernel
    write(Root(str(tmp_path)), "/var/lib/dnf/rpmdb_lock.pid", str(holder))
    write(Root(str(tmp_path)), "/var/cache/dnf/metadata_lock.pid", str(dead_pid()))  # stale
    found = find_package_managers(Root(str(tmp_path)), own=1000)
    assert sorted(found) == ["/var/lib/dnf/rpmdb_lock.pid held by pid %d" % holder, "dnf (pid 812)",
                             "packagekitd (pid 77)"]


def test_live_only_facts_are_none_under_a_root(tmp_path):
    root = Root(str(tmp_path))
    assert collect_kernel(root) == (None, None, None)
    assert collect_memory(root) is None

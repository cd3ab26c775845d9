"""What only the running machine can say: memory, and which package managers are running now.
All None under --root. Whether it is a container: facts/boot/container.py."""
import os
import re

from migrate.facts.model import Memory
from migrate.facts.pm_locks import collect_lock_holders

# comm names of programs that write the rpmdb
PACKAGE_MANAGERS = ("dnf", "yum", "rpm", "microdnf", "dnf-automatic", "packagekitd")
MEMINFO_LINE = re.compile(r"^(\w+):\s+(\d+)\s*kB", re.M)


def parse_meminfo(text):
    values = dict((k, int(v) * 1024) for k, v in MEMINFO_LINE.findall(text or ""))
    if "MemTotal" not in values:
        return None
    return Memory(total=values["MemTotal"], available=values.get("MemAvailable", values.get("MemFree", 0)),
                  swap_free=values.get("SwapFree", 0))


def collect_memory(root):
    if not root.is_live:
        return None
    return parse_meminfo(root.read_text("/proc/meminfo", default=""))


def collect_package_managers(root):
    """'dnf (pid 812)' for every package manager process (live machine only), and every rpm or
    dnf lock a live PID holds in the root (under --root too)."""
    if not root.is_live:
        return collect_lock_holders(root)
    return find_package_managers(root, os.getpid())


def find_package_managers(root, own):
    found = []
    for entry in root.listdir("/proc"):
        if not entry.isdigit() or int(entry) == own:
            continue
        comm = root.read_text("/proc/%s/comm" % entry, default="").strip()
        if comm in PACKAGE_MANAGERS:
            found.append("%s (pid %s)" % (comm, entry))
    return tuple(found) + collect_lock_holders(root, own)

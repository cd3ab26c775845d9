"""What only the running machine can say: container or not, memory, and which package
managers are running now. All None under --root."""
import os
import re

from migrate.facts.model import Memory
from migrate.facts.pm_locks import collect_lock_holders

# comm names of programs that write the rpmdb
PACKAGE_MANAGERS = ("dnf", "yum", "rpm", "microdnf", "dnf-automatic", "packagekitd")
CGROUP_CONTAINERS = (("docker", "docker"), ("kubepods", "kubernetes"), ("lxc", "lxc"),
                     ("libpod", "podman"), ("machine.slice/machine-", "systemd-nspawn"))
MEMINFO_LINE = re.compile(r"^(\w+):\s+(\d+)\s*kB", re.M)


def parse_meminfo(text):
    values = dict((k, int(v) * 1024) for k, v in MEMINFO_LINE.findall(text or ""))
    if "MemTotal" not in values:
        return None
    return Memory(total=values["MemTotal"], available=values.get("MemAvailable", values.get("MemFree", 0)),
                  swap_free=values.get("SwapFree", 0))


def parse_environ(data):
    """/proc/1/environ (NUL-separated) -> the value of container=, or ""."""
    for item in (data or "").split("\0"):
        if item.startswith("container="):
            return item.partition("=")[2] or "container"
    return ""


def parse_cgroup(text):
    for line in (text or "").splitlines():
        for marker, name in CGROUP_CONTAINERS:
            if marker in line.partition(":")[2].partition(":")[2]:
                return name
    return ""


def detect_container(root, mounts):
    """A container name ("podman", "docker", "lxc", "openvz", ...) or "" on a VM/bare metal."""
    if not root.is_live:
        return None
    return find_container(root, mounts)


def find_container(root, mounts):
    """detect_container's evidence, read from `root`'s /proc and marker files."""
    if root.exists("/run/.containerenv"):
        return "podman"
    if root.exists("/.dockerenv"):
        return "docker"
    found = parse_environ(root.read_text("/proc/1/environ", default=""))
    if found:
        return found
    if root.exists("/proc/vz/veinfo") and not root.exists("/proc/vz/version"):
        return "openvz"  # the host has /proc/vz/version, its containers only veinfo
    if any(m.fstype == "fuse.lxcfs" for m in mounts or ()):
        return "lxc"
    return parse_cgroup(root.read_text("/proc/1/cgroup", default=""))


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

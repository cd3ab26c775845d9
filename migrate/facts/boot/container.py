"""The one container verdict: the CONTAINER check, READONLY_MOUNTS and the boot steps' skip all
read it, so "the boot steps will be skipped" is said exactly when they are.

Evidence without a process first (marker files, PID 1's environment and cgroup, OpenVZ's /proc,
lxcfs), then systemd-detect-virt for what only it knows (/run/systemd/container and friends):
https://www.freedesktop.org/software/systemd/man/latest/systemd-detect-virt.html"""
CGROUP_CONTAINERS = (("docker", "docker"), ("kubepods", "kubernetes"), ("lxc", "lxc"),
                     ("libpod", "podman"), ("machine.slice/machine-", "systemd-nspawn"))
MARKER_FILES = (("/run/.containerenv", "podman"), ("/.dockerenv", "docker"))


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


def parse_detect_virt(text):
    """`systemd-detect-virt --container` -> "" for none, else the container's kind."""
    value = (text or "").strip()
    return "" if value in ("", "none") else value


def find_container(root, mounts):
    """The evidence read from `root`'s marker files and /proc: a name, or ""."""
    for path, name in MARKER_FILES:
        if root.exists(path):
            return name
    found = parse_environ(root.read_text("/proc/1/environ", default=""))
    if found:
        return found
    if root.exists("/proc/vz/veinfo") and not root.exists("/proc/vz/version"):
        return "openvz"  # the host has /proc/vz/version, its containers only veinfo
    if any(m.fstype == "fuse.lxcfs" for m in mounts or ()):
        return "lxc"
    return parse_cgroup(root.read_text("/proc/1/cgroup", default=""))


def detect_container(root, runner, mounts):
    """A container name ("podman", "docker", "lxc", "openvz", ...) or "" on a VM/bare metal."""
    found = find_container(root, mounts)
    if found:
        return found
    result = runner.run(["systemd-detect-virt", "--container"], check=False)
    return parse_detect_virt(result.stdout) if result.returncode == 0 else ""

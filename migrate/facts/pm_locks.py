"""Who holds the package managers' locks in a root: rpm's transaction lock and dnf's pid
locks, probed without creating or taking anything (a probe must not change the root).

- rpm takes a POSIX write lock (fcntl F_SETLK) on `<dbpath>/.rpm.lock` for a transaction
  (rpm's lib/rpmlock.c); F_GETLK names the holder's PID without taking the lock.
- dnf 4 writes its PID into `*_lock.pid` files and treats the lock as held while that PID lives
  (dnf/lock.py, ProcessLock._try_lock).

Locks are the running kernel's: the PIDs are this machine's, under --root as well, so /proc here
(not the root's) says whether they live."""
import fcntl
import os
import struct

# dnf 4's lock files (dnf/lock.py: persistdir, cachedir; dnf.pid of the yum-era tools)
DNF_LOCK_FILES = ("/var/lib/dnf/rpmdb_lock.pid", "/var/cache/dnf/metadata_lock.pid",
                  "/var/cache/dnf/download_lock.pid", "/var/cache/dnf/log_lock.pid",
                  "/var/log/log_lock.pid", "/var/run/dnf.pid")
RPM_LOCK = ".rpm.lock"
# struct flock on Linux (every architecture we support is LP64): type, whence, start, len, pid
FLOCK = "hhqqi4x"


def rpm_lock_path(root):
    return os.path.join(root.rpmdb_path, RPM_LOCK)


def fcntl_holder(path):
    """The PID holding a POSIX lock on PATH, or None (also when PATH does not exist)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        query = struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
    except OSError:
        return None
    finally:
        os.close(fd)
    kind, _, _, _, pid = struct.unpack(FLOCK, answer)
    return pid if kind != fcntl.F_UNLCK and pid > 0 else None


def pid_file_holder(path, own=None):
    """The live PID written in a dnf lock file, or None."""
    try:
        with open(path, "rb") as handle:
            text = handle.read(20).strip()
    except (IOError, OSError):
        return None
    if not text.isdigit():
        return None
    pid = int(text)
    if pid == (own or os.getpid()) or not os.path.exists("/proc/%d/stat" % pid):
        return None
    return pid


def collect_lock_holders(root, own=None):
    """('<path> held by pid N', ...) for every lock a live process holds in the root."""
    found = []
    rpm_lock = rpm_lock_path(root)
    pid = fcntl_holder(root.join(rpm_lock))
    if pid is not None and pid != (own or os.getpid()):
        found.append("%s held by pid %d" % (rpm_lock, pid))
    for path in DNF_LOCK_FILES:
        pid = pid_file_holder(root.join(path), own)
        if pid is not None:
            found.append("%s held by pid %d" % (path, pid))
    return tuple(found)


def clear_stale_dnf_locks(root):
    """Remove dnf lock files whose PID is gone (a killed transaction leaves rpmdb_lock.pid);
    the paths removed."""
    removed = []
    for path in DNF_LOCK_FILES:
        if root.exists(path) and pid_file_holder(root.join(path)) is None and \
                os.path.isfile(root.join(path)) and not os.path.islink(root.join(path)):
            root.remove(path)
            removed.append(path)
    return removed

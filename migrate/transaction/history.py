"""dnf's history for the conversion: read from a copy before the point of no return, written to
the root's own database after it.

The what-if and the test transaction run before the point of no return and must not open the
root's history database: sqlite leaves `history.sqlite-wal` and `-shm` beside it when the
process is killed, and a rollback must leave the root byte-identical. They read a copy instead
(the host's install reasons, which decide what `--allowerasing` may clean up, are the same).
DISTRO_SYNC then points the same, already solved dnf.Base at the root's database and rebuilds
dnf's transaction items from the solved goal, without loading metadata or solving again.

dnf APIs, the same in dnf 4.7, 4.14 and 4.20 (dnf/base.py): `Base._history` (the lazily opened
SwdbInterface of `conf.persistdir`), `Base._goal2transaction(goal)` (what `Base.resolve()` calls
after the solve), `Base._goal`, `SwdbInterface.close()`."""
import os
import shutil

DNF_PERSIST = "/var/lib/dnf"
HISTORY = "history.sqlite"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
MODULE_FAILSAFE = "modulefailsafe"


def snapshot_history(root, persistdir):
    """Copy the root's history database (with its write-ahead log) into `persistdir`, replacing
    an older copy and its side files (a stale -wal would be replayed into the new copy)."""
    for suffix in ("",) + SQLITE_SIDE_FILES:
        path = os.path.join(persistdir, HISTORY + suffix)
        if os.path.lexists(path):
            os.unlink(path)
    source = root.join(os.path.join(DNF_PERSIST, HISTORY))
    for suffix in ("", "-wal"):  # sqlite rebuilds -shm from the log
        if os.path.isfile(source + suffix):
            shutil.copyfile(source + suffix, os.path.join(persistdir, HISTORY + suffix))


def rebind_history(base, persistdir):
    """Point `base`'s history at `persistdir` and rebuild its transaction from the solved goal;
    returns the persistdir it had (where its module container keeps the fail-safe data)."""
    previous = base.conf.persistdir
    if base._history is not None:
        base._history.close()
        base._history = None
    base.conf.persistdir = persistdir
    base._transaction = base._goal2transaction(base._goal)
    return previous


def copy_module_failsafe(source_persistdir, persistdir):
    """EL8: dnf's module container writes its fail-safe copies of the enabled modules' metadata
    under the persistdir it was created with; the root's dnf reads them from its own."""
    source = os.path.join(source_persistdir, MODULE_FAILSAFE)
    if not source_persistdir or os.path.abspath(source_persistdir) == os.path.abspath(persistdir) \
            or not os.path.isdir(source):
        return False
    target = os.path.join(persistdir, MODULE_FAILSAFE)
    if os.path.isdir(target):
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return True

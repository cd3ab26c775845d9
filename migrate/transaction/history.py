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


SIDE_FILES_MARKER = "dnf-history-side-files.json"


def note_side_files(root, workdir):
    """Before the root's history database is first opened (before the point of no return):
    which of sqlite's side files are absent, so a rollback removes only what we left. The first
    note stands (a re-run after a kill finds the files the killed run left)."""
    import json

    marker = os.path.join(workdir, SIDE_FILES_MARKER)
    if os.path.exists(marker):
        return
    base = root.join(os.path.join(DNF_PERSIST, HISTORY))
    absent = [s for s in ("-wal", "-shm") if not os.path.lexists(base + s)]
    with open(marker, "w") as handle:
        json.dump({"absent": absent}, handle)


def remove_side_files(root, workdir):
    """Rollback: remove the -wal/-shm a killed run left beside the root's history database when
    they were absent before and the log holds no page (we only read: nothing to lose)."""
    import json

    marker = os.path.join(workdir, SIDE_FILES_MARKER)
    try:
        with open(marker) as handle:
            absent = json.load(handle)["absent"]
    except (IOError, OSError, ValueError, KeyError):
        return []
    base = root.join(os.path.join(DNF_PERSIST, HISTORY))
    removed = []
    if "-wal" in absent and os.path.isfile(base + "-wal") and os.path.getsize(base + "-wal") == 0:
        os.unlink(base + "-wal")
        removed.append("-wal")
    if "-shm" in absent and not os.path.exists(base + "-wal") and os.path.isfile(base + "-shm"):
        os.unlink(base + "-shm")
        removed.append("-shm")
    os.unlink(marker)
    return removed

"""dnf's history for the conversion: read from a copy before the point of no return, written
through a scratch copy and published to the root's database around rpm's run.

The what-if and the test transaction run before the point of no return and must not open the
root's history database: sqlite leaves `history.sqlite-wal` and `-shm` beside it when the
process is killed, and a rollback must leave the root byte-identical. They read a copy instead
(the host's install reasons, which decide what `--allowerasing` may clean up, are the same).
TEST_TRANSACTION points the solved dnf.Base at a scratch copy on tmpfs and rebuilds dnf's
transaction items there from the solved goal (`_goal2transaction`: libdnf's item list is
quadratic, so this stays before the point of no return), then begins the conversion's record
there (migrate/transaction/record.py): libdnf commits every history row on its own
(libdnf/transaction/private/Transaction.cpp `saveItems`, `finish`), thousands of fsyncs. When
rpm starts, the runner restamps the record and publishes the copy to the root in one write
(temp file, fsync, rename); right after rpm's run it ends the record in the root's database in
one sqlite transaction (`end_record`). A run killed in between leaves the record open, and
`resume` ends it. The scratch directories carry their run's pid: a killed run's are removed
at the next start.

dnf APIs, the same in dnf 4.7, 4.14 and 4.20 (dnf/base.py): `Base._history` (the lazily opened
SwdbInterface of `conf.persistdir`), `Base._goal2transaction(goal)` (what `Base.resolve()` calls
after the solve), `Base._goal`, `SwdbInterface.close()`."""
import contextlib
import errno
import logging
import os
import shutil
import tempfile

log = logging.getLogger(__name__)

DNF_PERSIST = "/var/lib/dnf"
HISTORY = "history.sqlite"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
MODULE_FAILSAFE = "modulefailsafe"
SHM = "/dev/shm"
SCRATCH_PREFIX = "almalinux-migrate-history."


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



def scratch_persistdir(workdir, live=True):
    """A fresh directory for the scratch history: on the live host on tmpfs (/dev/shm) when
    there, else (and always under --root, whose files stay inside the root) the tool's state
    directory (correct, only slower). Its name carries this process's id, so the next run can
    tell a killed run's leftover from a live run's (`clean_stale_scratch`)."""
    parent = SHM
    if not live or not (os.path.isdir(parent) and os.access(parent, os.W_OK)):
        parent = workdir
    clean_stale_scratch(workdir, live)
    return tempfile.mkdtemp(prefix="%s%d." % (SCRATCH_PREFIX, os.getpid()), dir=parent)


def pid_alive(pid):
    """True unless no process has this id (signal 0 checks without sending: kill(2))."""
    try:
        os.kill(pid, 0)
    except OSError as exc:
        return exc.errno != errno.ESRCH
    return True


def clean_stale_scratch(workdir, live=True):
    """Remove the scratch histories of runs no longer alive (a SIGKILL skips the cleanup at
    exit; on tmpfs they hold memory until a reboot): /dev/shm on the live host (never touched
    under --root) and the state directory. Returns the paths removed."""
    removed = []
    for parent in ([SHM] if live else []) + [workdir]:
        try:
            names = os.listdir(parent)
        except OSError:
            continue
        for name in names:
            pid = name[len(SCRATCH_PREFIX):].partition(".")[0]
            if not name.startswith(SCRATCH_PREFIX) or not pid.isdigit() or pid_alive(int(pid)):
                continue
            path = os.path.join(parent, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
                log.info("removed the scratch history %s of a run that is gone", path)
    return removed


@contextlib.contextmanager
def _database(path):
    """A connection to a history database, in one sqlite transaction: committed (one write of
    the log) when the block ends, rolled back when it raises."""
    import sqlite3

    connection = sqlite3.connect(path, timeout=30)
    try:
        with connection:
            yield connection
    finally:
        connection.close()


def _root_history(root):
    return root.join(os.path.join(DNF_PERSIST, HISTORY))


def _timestamp(now):
    import time

    return int(now if now is not None else time.time())


def open_record(root, cmdline, libdnf_transaction):
    """The id of the last history record `cmdline` began and never ended (libdnf leaves its
    state UNKNOWN until `end`), or None."""
    if not os.path.isfile(_root_history(root)):
        return None
    with _database(_root_history(root)) as connection:
        row = connection.execute(
            "SELECT id FROM trans WHERE cmdline = ? AND state = ? ORDER BY id DESC LIMIT 1",
            (cmdline, int(libdnf_transaction.TransactionState_UNKNOWN))).fetchone()
    return row[0] if row else None


def restamp_record(persistdir, record, rpmdb_version, now=None):
    """Give a record begun before the point of no return the time and rpmdb version of the
    moment rpm starts (what dnf's `beg` takes then; the target key was imported since)."""
    with _database(os.path.join(persistdir, HISTORY)) as connection:
        connection.execute("UPDATE trans SET dt_begin = ?, rpmdb_version_begin = ? WHERE id = ?",
                           (_timestamp(now), rpmdb_version, record))


def end_record(root, record, item_states, rpmdb_version, libdnf_transaction, now=None):
    """dnf's `end` of `record` in the root's database in ONE sqlite transaction, the rows
    libdnf's `swdb_private::Transaction::finish` updates one commit each: each item's state
    ({trans_item id: state}; None: every item still UNKNOWN becomes DONE, for a record a run
    killed after rpm's run left open, ended when the resumed resolve finds nothing left), then
    the record's end time, rpmdb version and state (ERROR when an item failed). The columns
    are in libdnf's schema (libdnf/transaction/sql/create_tables.sql: `trans`, `trans_item`)
    alike in EL8's dnf 4.7, EL9's 4.14 and EL10's 4.20."""
    import sqlite3

    T = libdnf_transaction
    states = set(int(s) for s in (item_states or {}).values())
    failed = int(T.TransactionItemState_ERROR) in states
    state = T.TransactionState_ERROR if failed else T.TransactionState_DONE
    with _database(_root_history(root)) as connection:
        if item_states is None:
            connection.execute("UPDATE trans_item SET state = ? WHERE trans_id = ? AND state = ?",
                               (int(T.TransactionItemState_DONE), record,
                                int(T.TransactionItemState_UNKNOWN)))
        else:
            connection.executemany("UPDATE trans_item SET state = ? WHERE id = ? AND trans_id = ?",
                                   [(int(s), tid, record) for tid, s in item_states.items()])
        updated = connection.execute(
            "UPDATE trans SET dt_end = ?, rpmdb_version_end = ?, state = ? WHERE id = ?",
            (_timestamp(now), rpmdb_version, int(state), record)).rowcount
        if updated != 1:
            raise sqlite3.DatabaseError("no history record %d" % record)


def publish_history(scratch, root):
    """Copy the scratch history database over the root's: checkpoint its log (python's sqlite3,
    a second connection; libdnf's is idle), write a temp file beside the root's, fsync, drop the
    root's side files (their pages were in the snapshot, so they are in the copy), rename."""
    import sqlite3

    source = os.path.join(scratch, HISTORY)
    connection = sqlite3.connect(source)
    try:
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        connection.close()
    directory = root.join(DNF_PERSIST)
    if not os.path.isdir(directory):
        os.makedirs(directory, 0o755)
    target = os.path.join(directory, HISTORY)
    copies = [("", source)]
    if busy and os.path.isfile(source + "-wal"):  # not checkpointed: the log goes along
        log.warning("dnf history: log not checkpointed, copying it along")
        copies.append(("-wal", source + "-wal"))
    staged = []
    for suffix, path in copies:
        fd, temp = tempfile.mkstemp(prefix=".almalinux-migrate.history", dir=directory)
        with os.fdopen(fd, "wb") as out, open(path, "rb") as data:
            shutil.copyfileobj(data, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        staged.append((temp, target + suffix))
    for suffix in SQLITE_SIDE_FILES:
        if os.path.lexists(target + suffix):
            os.unlink(target + suffix)
    for temp, final in reversed(staged):  # the log before the database it belongs to
        os.rename(temp, final)
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)

"""The persistent record of a conversion: options, plan summary and each step's state.

Written atomically (temp file, fsync, rename) before and after every step, so a crash or a
reboot at any point leaves a journal that `resume`, `rollback` and `status` can trust. A
journal that does not parse is refused, never guessed at."""
import datetime
import errno
import fcntl
import json
import os

from migrate import __version__
from migrate.errors import EXIT_ROLLED_BACK, Blocked, Locked, MigrateError
from migrate.interrupts import blocked_signals
from migrate.layout import JOURNAL, LOCK, SPARE, STATE_DIR
from migrate.secrets import mask_value, remove_secrets

# SPARE: space held back for the journal, released when a save finds the disk full, so that the
# journal can always say where a run stopped (then taken again when there is room).
SPARE_SIZE = 1024 * 1024
NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
# States of a conversion that is not over: `convert` and `preflight` refuse to start over them.
UNFINISHED = ("running", "failed", "rollback_incomplete")
# The schema rule (README, "Files"): every journal says `schema` (…/journal/N) and the
# `tool_version` that last wrote it. An older N is migrated in memory on load, one version at a
# time (MIGRATIONS); a newer N is never guessed at: JournalTooNew names the version needed.
SCHEMA_PREFIX = "almalinux-migrate/journal/"
SCHEMA_VERSION = 2
SCHEMA = SCHEMA_PREFIX + str(SCHEMA_VERSION)

PENDING, RUNNING, DONE, FAILED, UNDONE, SKIPPED = (
    "pending", "running", "done", "failed", "undone", "skipped")


def now():
    return datetime.datetime.utcnow().replace(microsecond=0).isoformat() + "Z"


def journal_exists(root):
    """True while a conversion has started and not finished or been rolled back."""
    if not root.exists(JOURNAL):
        return False
    try:
        data = json.loads(root.read_text(JOURNAL))
    except ValueError:
        return True  # unreadable: treat as in progress so nothing starts over it
    return data.get("state") in UNFINISHED


REQUIRED = ("run_id", "state", "started", "finished", "options", "source", "target",
            "point_of_no_return_passed", "steps")


class CorruptJournal(MigrateError):
    exit_code = 1


class JournalTooNew(Blocked):
    """A newer tool wrote the journal: this one does not know its meaning, so it changes nothing
    (exit 3) and names the version that resumes or rolls it back."""


def _from_1(data):
    """1 -> 2: the writer's version is recorded from 2 on; a 1 journal predates the field."""
    data = dict(data)
    data.setdefault("tool_version", None)
    return data


MIGRATIONS = {1: _from_1}  # version N -> the data as version N + 1


def schema_version(data):
    """The journal schema's version N; a journal without `schema` is 1; None when it is not ours."""
    schema = data.get("schema", SCHEMA_PREFIX + "1")
    if not isinstance(schema, str) or not schema.startswith(SCHEMA_PREFIX):
        return None
    number = schema[len(SCHEMA_PREFIX):]
    return int(number) if number.isdigit() and int(number) >= 1 else None


def migrate(data, path):
    """The journal as this tool's schema: older ones migrated, a newer one refused."""
    version = schema_version(data)
    if version is None:
        raise CorruptJournal("The journal %s is not a journal of this tool version (schema %r)."
                             % (path, data.get("schema")))
    if version > SCHEMA_VERSION:
        writer = data.get("tool_version")
        needed = ("almalinux-migrate %s or later" % writer) if writer else "the almalinux-migrate that wrote it"
        raise JournalTooNew(
            "The journal %s was written by almalinux-migrate %s (journal schema %d); this is %s, "
            "which reads schema %d at most. Nothing was changed: run `resume`, `rollback` or `status` "
            "with %s." % (path, writer or "of a newer version", version, __version__, SCHEMA_VERSION, needed))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data["schema"] = SCHEMA
    return data


class JournalNotSaved(MigrateError):
    """The journal could not be written even with the reserved space released."""

    exit_code = EXIT_ROLLED_BACK


def reserve_space(root, size=SPARE_SIZE):
    """Preallocate the spare file (best effort: on a full disk there is nothing to hold)."""
    path = root.join(SPARE)
    if os.path.exists(path):
        return True
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    except (IOError, OSError):
        return False
    try:
        os.posix_fallocate(fd, 0, size)
        return True
    except (IOError, OSError):
        os.close(fd)
        fd = None
        os.unlink(path)
        return False
    finally:
        if fd is not None:
            os.close(fd)


class Journal(object):
    def __init__(self, root, data):
        self.root = root
        self.data = data

    @classmethod
    def start(cls, root, run_id, options, source, target, step_ids):
        data = {
            "schema": SCHEMA,
            "tool_version": __version__,
            "run_id": run_id,
            "state": "running",
            "started": now(),
            "finished": None,
            "options": options,
            "source": source,
            "target": target,
            "point_of_no_return_passed": False,
            "steps": [{"id": s, "state": PENDING, "started": None, "finished": None, "detail": ""}
                      for s in step_ids],
        }
        journal = cls(root, data)
        journal.save()
        return journal

    @classmethod
    def load(cls, root):
        if not root.exists(JOURNAL):
            return None
        text = root.read_text(JOURNAL)
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CorruptJournal(
                "The journal %s is corrupted (%s). Nothing was changed; inspect it and the log "
                "before deciding by hand." % (root.join(JOURNAL), exc))
        if not isinstance(data, dict):
            raise CorruptJournal("The journal %s is not a journal of this tool (not an object)." % root.join(JOURNAL))
        data = migrate(data, root.join(JOURNAL))
        if not isinstance(data.get("steps"), list):
            raise CorruptJournal("The journal %s lacks steps. Nothing was changed; inspect it and the "
                                 "log before deciding by hand." % root.join(JOURNAL))
        missing = [k for k in REQUIRED if k not in data]
        missing += ["steps[%d].%s" % (i, k) for i, entry in enumerate(data["steps"])
                    for k in ("id", "state", "started", "finished", "detail")
                    if not isinstance(entry, dict) or k not in entry]
        if missing:
            raise CorruptJournal("The journal %s lacks %s. Nothing was changed; inspect it and the "
                                 "log before deciding by hand." % (root.join(JOURNAL), ", ".join(missing)))
        return cls(root, data)

    def save(self):
        """Write the journal whole (signals held back meanwhile); a full disk first gives up the
        reserved space. Raises JournalNotSaved when it still cannot be written."""
        self.data["tool_version"] = __version__  # the last writer: what `resume` needs at least
        text = json.dumps(mask_value(self.data), indent=2, sort_keys=True) + "\n"
        with blocked_signals():
            try:
                self._write(text)
            except (IOError, OSError) as exc:
                raise JournalNotSaved("cannot save the journal %s (%s): the state on disk is older "
                                      "than this run's" % (self.root.join(JOURNAL), exc.strerror or exc))
        if self.data.get("state") in UNFINISHED:
            reserve_space(self.root, max(SPARE_SIZE, 4 * len(text)))

    def _write(self, text):
        try:
            self.root.write_text(JOURNAL, text, mode=0o600)
        except (IOError, OSError) as exc:
            if exc.errno not in NO_SPACE or not self.root.exists(SPARE):
                raise
            self.root.remove(SPARE)
            self.root.write_text(JOURNAL, text, mode=0o600)

    def step(self, step_id):
        for entry in self.data["steps"]:
            if entry["id"] == step_id:
                return entry
        raise KeyError(step_id)

    def mark(self, step_id, state, detail=""):
        entry = self.step(step_id)
        entry["state"] = state
        if state == RUNNING:
            entry["started"] = now()
        else:
            entry["finished"] = now()
        entry["detail"] = detail
        self.save()

    def passed_point_of_no_return(self):
        self.data["point_of_no_return_passed"] = True
        self.save()

    def finish(self, state, stopped_by=None):
        self.data["state"] = state
        self.data["finished"] = now()
        if stopped_by:
            self.data["stopped_by"] = stopped_by
        else:
            self.data.pop("stopped_by", None)
        self.save()
        if state not in UNFINISHED:
            self.root.remove(SPARE)
        if state != "failed":  # a failed run is resumed and needs them; any other end is final
            remove_secrets(self.root)


_HELD = {}  # lock path -> [count, handle]: this process's own locks (commands nest them)


def lock_held(root):
    """True while some process (this one included) holds the tool's lock. Probes with a shared
    flock taken and dropped at once; never creates the lock file."""
    path = root.join(LOCK)
    if path in _HELD:
        return True
    try:
        handle = open(path, "r")
    except (IOError, OSError):
        return False
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except (IOError, OSError):
        return True
    finally:
        handle.close()  # closing drops the probe's lock
    return False


class Lock(object):
    """An flock on a file in the state dir: released by the kernel when the process dies, so a
    crash never leaves a stale lock behind. Taken again by the same process it nests."""

    def __init__(self, root):
        self.root = root
        self.path = root.join(LOCK)
        self.handle = None

    def acquire(self):
        if self.path in _HELD:
            _HELD[self.path][0] += 1
            return self
        self.root.makedirs(STATE_DIR, 0o700)
        handle = self.root.open(LOCK, "a+")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (IOError, OSError) as exc:
            handle.close()
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise Locked("Another almalinux-migrate run holds %s; wait for it to finish."
                             % self.path)
            raise
        try:  # the PID is for people reading the file; a full disk must not stop the run
            handle.seek(0)
            handle.truncate()
            handle.write("%d\n" % os.getpid())
            handle.flush()
        except (IOError, OSError):
            pass
        _HELD[self.path] = [1, handle]
        return self

    def release(self):
        held = _HELD.get(self.path)
        if held is None:
            return
        held[0] -= 1
        if held[0] == 0:
            del _HELD[self.path]
            fcntl.flock(held[1].fileno(), fcntl.LOCK_UN)
            try:
                held[1].close()
            except (IOError, OSError):
                pass

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()

"""The persistent record of a conversion: options, plan summary and each step's state.

Written atomically (temp file, fsync, rename) before and after every step, so a crash or a
reboot at any point leaves a journal that `resume`, `rollback` and `status` can trust. A
journal that does not parse is refused, never guessed at."""
import datetime
import errno
import fcntl
import json
import os

from migrate.errors import Locked, MigrateError
from migrate.root import STATE_DIR
from migrate.secrets import mask_value, remove_secrets

JOURNAL = STATE_DIR + "/journal.json"
LOCK = STATE_DIR + "/lock"
SCHEMA = "almalinux-migrate/journal/1"

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
    return data.get("state") in ("running", "failed")


class CorruptJournal(MigrateError):
    exit_code = 1


class Journal(object):
    def __init__(self, root, data):
        self.root = root
        self.data = data

    @classmethod
    def start(cls, root, run_id, options, source, target, step_ids):
        data = {
            "schema": SCHEMA,
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
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("steps"), list):
            raise CorruptJournal("The journal %s is not a journal of this tool version (schema %r)."
                                 % (root.join(JOURNAL), data.get("schema") if isinstance(data, dict) else None))
        return cls(root, data)

    def save(self):
        self.root.write_text(JOURNAL, json.dumps(mask_value(self.data), indent=2, sort_keys=True) + "\n",
                             mode=0o600)

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

    def finish(self, state):
        self.data["state"] = state
        self.data["finished"] = now()
        self.save()
        if state != "failed":  # a failed run is resumed and needs them; any other end is final
            remove_secrets(self.root)


class Lock(object):
    """An flock on a file in the state dir: released by the kernel when the process dies, so a
    crash never leaves a stale lock behind."""

    def __init__(self, root):
        self.root = root
        self.handle = None

    def acquire(self):
        self.root.makedirs(STATE_DIR, 0o700)
        self.handle = self.root.open(LOCK, "a+")
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (IOError, OSError) as exc:
            self.handle.close()
            self.handle = None
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise Locked("Another almalinux-migrate run holds %s; wait for it to finish."
                             % self.root.join(LOCK))
            raise
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write("%d\n" % os.getpid())
        self.handle.flush()
        return self

    def release(self):
        if self.handle is not None:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()

"""--events FILE: one JSON object per line, appended and flushed as things happen, so a
panel can tail it. `-` is stdout.

Before the point of no return a write that fails (a full disk) stops the run like any other
failure; after it the file is best effort (`best_effort`): the conversion carries on and the
report says the events file is incomplete."""
import datetime
import errno
import json
import os
import sys

from migrate.errors import EXIT_ROLLED_BACK, MigrateError, UsageError
from migrate.secrets import mask_value


def utc_now():
    return datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# Fields docs/cli.md names for an event: present even when unknown (null), so a reader can rely
# on the key; other fields are left out when they have no value.
NAMED_FIELDS = {
    "run_started": ("run_id", "hostname", "version", "command"),
    "step_started": ("step", "title", "index", "total"),
    "step_finished": ("step", "title", "index", "total", "outcome"),
    "progress": ("step", "done", "total", "unit"),
    "run_finished": ("status", "exit_code"),
}

class EventsNotWritten(MigrateError):
    """Before the point of no return: the run stops and what was changed is undone."""

    exit_code = EXIT_ROLLED_BACK


class Events(object):
    def __init__(self, path=None):
        self.path = path
        self.handle = None
        self.best_effort = False
        self.error = None  # why writing failed, once it did
        if path == "-":
            self.handle = sys.stdout
        elif path:
            try:
                self.handle = open(path, "a", encoding="utf-8")
            except (IOError, OSError) as exc:
                raise UsageError("cannot open --events %s: %s" % (path, exc.strerror or exc))

    def emit(self, event, **fields):
        if self.handle is None:
            return
        record = {"ts": utc_now(), "event": event}
        named = NAMED_FIELDS.get(event, ())
        record.update((k, v) for k, v in fields.items() if v is not None or k in named)
        size = self._size()  # whole lines so far (every emit flushes)
        try:
            self.handle.write(json.dumps(mask_value(record), sort_keys=True) + "\n")
            self.handle.flush()
        except (IOError, OSError, ValueError) as exc:
            self._drop_buffer(size)
            if getattr(exc, "errno", None) == errno.EPIPE:
                return  # a reader that went away (`| head`): never a reason to stop
            self.error = self.error or "%s: %s" % (self.path, getattr(exc, "strerror", None) or exc)
            if not self.best_effort:
                raise EventsNotWritten("cannot write the events file %s" % self.error)

    def _size(self):
        if self.handle is sys.stdout:
            return None
        try:
            return os.fstat(self.handle.fileno()).st_size
        except (IOError, OSError, ValueError):
            return None

    def _drop_buffer(self, size):
        """Close the file, then take a half-written line off again (readers see whole lines
        only); nothing is written to it after that."""
        handle, self.handle = self.handle, None
        if handle is sys.stdout:
            return
        try:
            fd = os.dup(handle.fileno())
        except (IOError, OSError, ValueError):
            fd = None
        try:
            handle.close()  # its flush may write a part of the line once more
        except (IOError, OSError, ValueError):
            pass
        if fd is None:
            return
        try:
            if size is not None:
                os.ftruncate(fd, size)
        except (IOError, OSError):
            pass
        finally:
            os.close(fd)

    def close(self):
        if self.handle is not None and self.handle is not sys.stdout:
            try:
                self.handle.close()
            except (IOError, OSError):
                pass
        self.handle = None

"""--events FILE: one JSON object per line, appended and flushed as things happen, so a
panel can tail it. `-` is stdout.

Before the point of no return a write that fails (a full disk) stops the run like any other
failure; after it the file is best effort (`best_effort`): the conversion carries on and the
report says the events file is incomplete."""
import datetime
import errno
import json
import sys

from migrate.errors import MigrateError, UsageError


def utc_now():
    return datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class EventsNotWritten(MigrateError):
    pass


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
        record.update((k, v) for k, v in fields.items() if v is not None)
        try:
            self.handle.write(json.dumps(record, sort_keys=True) + "\n")
            self.handle.flush()
        except (IOError, OSError, ValueError) as exc:
            self.error = self.error or "%s: %s" % (self.path, getattr(exc, "strerror", None) or exc)
            self._drop_buffer()
            if getattr(exc, "errno", None) == errno.EPIPE:
                return  # a reader that went away (`| head`): never a reason to stop
            if not self.best_effort:
                raise EventsNotWritten("cannot write the events file %s" % self.error)

    def _drop_buffer(self):
        """Forget what could not be written, so a later flush or close does not fail again."""
        handle, self.handle = self.handle, None
        if handle is sys.stdout:
            return
        try:
            handle.close()
        except (IOError, OSError, ValueError):
            pass

    def close(self):
        if self.handle is not None and self.handle is not sys.stdout:
            try:
                self.handle.close()
            except (IOError, OSError):
                pass
        self.handle = None

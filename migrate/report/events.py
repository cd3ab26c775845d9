"""--events FILE: one JSON object per line, appended and flushed as things happen, so a
panel can tail it. `-` is stdout."""
import datetime
import json
import sys

from migrate.errors import UsageError
from migrate.secrets import mask_value


def utc_now():
    return datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class Events(object):
    def __init__(self, path=None):
        self.path = path
        self.handle = None
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
        self.handle.write(json.dumps(mask_value(record), sort_keys=True) + "\n")
        self.handle.flush()

    def close(self):
        if self.handle is not None and self.handle is not sys.stdout:
            self.handle.close()
        self.handle = None

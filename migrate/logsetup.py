"""Logging: everything (with every subprocess's output) to the log file in the root; only
what a person must read to stderr. Proxy passwords are masked wherever they appear.

Tracebacks go to the log only: the screen gets one line per error. Neither stream ever stops
the run: a full disk or a dead terminal makes a write fail quietly, and `LogFile.error` says
the log is incomplete so that the report can tell."""
import logging
import os
import re
import sys

from migrate.root import LOG_FILE

CREDENTIALS_IN_URL = re.compile(r"(\w+://[^/:@\s]+:)[^@\s/]+@")


class MaskCredentials(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        masked = CREDENTIALS_IN_URL.sub(r"\1***@", message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


class OneLine(logging.Formatter):
    """The message without the traceback (that is in the log)."""

    def format(self, record):
        return "%s: %s" % (record.levelname, record.getMessage().splitlines()[0] if record.getMessage() else "")


class QuietStream(logging.StreamHandler):
    def handleError(self, record):
        pass  # stderr is gone (SIGHUP, closed pipe): nobody to tell


class LogFile(logging.FileHandler):
    """The log file; a failed write is remembered, not raised."""

    error = None

    def handleError(self, record):
        exc = sys.exc_info()[1]
        if LogFile.error is None:
            LogFile.error = "%s: %s" % (self.baseFilename, getattr(exc, "strerror", None) or exc)


def setup_logging(root, verbose):
    """Returns the log file's path, or None when it cannot be written."""
    logging.raiseExceptions = False
    LogFile.error = None
    logger = logging.getLogger()
    logger.setLevel(logging.DEBUG)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    stderr = QuietStream()
    stderr.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    stderr.setFormatter(OneLine())
    stderr.addFilter(MaskCredentials())
    logger.addHandler(stderr)
    path = root.join(LOG_FILE)
    try:
        if not os.path.isdir(os.path.dirname(path)):
            os.makedirs(os.path.dirname(path))
        handler = LogFile(path, encoding="utf-8")
    except (IOError, OSError) as exc:
        LogFile.error = "%s: %s" % (path, exc.strerror or exc)
        logger.warning("cannot write the log %s: %s", path, exc.strerror or exc)
        return None
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskCredentials())
    logger.addHandler(handler)
    return path

"""Logging: everything (with every subprocess's output) to the log file in the root; only
what a person must read to stderr. Credentials are masked in every line, tracebacks included
(migrate.secrets).

A command that makes a report (preflight, convert, resume, rollback, verify) starts a new
/var/log/almalinux-migrate.log (the latest run's) and writes the same lines to its own file
under /var/log/almalinux-migrate/, named for its time and command, which is kept; `status`
and `bundle` only read, and log to stderr.

Tracebacks go to the log only: the screen gets one line per error. Neither stream ever stops
the run: a full disk or a dead terminal makes a write fail quietly, and `LogFile.error` says
the log is incomplete so that the report can tell."""
import logging
import os
import sys
import time

from migrate.layout import LOG_FILE, RUNS_DIR
from migrate.secrets import mask


class MaskingFormatter(logging.Formatter):
    """The whole formatted record masked: message, arguments and any traceback."""

    def format(self, record):
        return mask(super(MaskingFormatter, self).format(record))


class OneLine(logging.Formatter):
    """The message without the traceback (that is in the log)."""

    def format(self, record):
        message = record.getMessage()
        return mask("%s: %s" % (record.levelname, message.splitlines()[0] if message else ""))


class QuietStream(logging.StreamHandler):
    def handleError(self, record):
        pass  # stderr is gone (SIGHUP, closed pipe): nobody to tell


class LogFile(logging.FileHandler):
    """A log file; a failed write is remembered, not raised."""

    error = None

    def handleError(self, record):
        exc = sys.exc_info()[1]
        if LogFile.error is None:
            LogFile.error = "%s: %s" % (self.baseFilename, getattr(exc, "strerror", None) or exc)


def run_file_name(command, run_id, now=None):
    """20261206T043000Z-convert-1a2b3c4d: sorts by time, names the command, never collides."""
    return "%s-%s-%s" % (time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now)), command, run_id[:8])


def kept_path(name, suffix):
    return "%s/%s%s" % (RUNS_DIR, name, suffix)


def setup_logging(root, verbose, run_name=None):
    """stderr always; with run_name, the latest log (truncated) and this run's kept log. Returns
    the path of the log written, or None."""
    logging.raiseExceptions = False
    LogFile.error = None
    logger = logging.getLogger()
    logger.setLevel(logging.DEBUG)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    stderr = QuietStream()
    stderr.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    stderr.setFormatter(OneLine())
    logger.addHandler(stderr)
    if run_name is None:
        return None
    written = None
    for inside in (LOG_FILE, kept_path(run_name, ".log")):
        path = root.join(inside)  # resolved inside the root: a linked log never leads out
        try:
            if not os.path.isdir(os.path.dirname(path)):
                os.makedirs(os.path.dirname(path), 0o700 if inside != LOG_FILE else 0o755)
            handler = LogFile(path, mode="w", encoding="utf-8")
        except (IOError, OSError) as exc:
            LogFile.error = LogFile.error or "%s: %s" % (path, exc.strerror or exc)
            logger.warning("cannot write the log %s: %s", path, exc.strerror or exc)
            continue
        os.chmod(path, 0o600)
        handler.setLevel(logging.DEBUG)
        handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        written = written or path
    return written

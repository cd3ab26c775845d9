"""Logging: everything (with every subprocess's output) to the log file in the root; only
what a person must read to stderr. Proxy passwords are masked wherever they appear.

A command that makes a report (preflight, convert, resume, rollback, verify) starts a new
/var/log/almalinux-migrate.log (the latest run's) and writes the same lines to its own file
under /var/log/almalinux-migrate/, named for its time and command, which is kept; `status`
and `bundle` only read, and log to stderr."""
import logging
import os
import re
import time

from migrate.root import LOG_FILE, RUNS_DIR

CREDENTIALS_IN_URL = re.compile(r"(\w+://[^/:@\s]+:)[^@\s/]+@")


class MaskCredentials(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        masked = CREDENTIALS_IN_URL.sub(r"\1***@", message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def run_file_name(command, run_id, now=None):
    """20261206T043000Z-convert-1a2b3c4d: sorts by time, names the command, never collides."""
    return "%s-%s-%s" % (time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now)), command, run_id[:8])


def kept_path(name, suffix):
    return "%s/%s%s" % (RUNS_DIR, name, suffix)


def setup_logging(root, verbose, run_name=None):
    """stderr always; with run_name, the latest log (truncated) and this run's kept log."""
    logger = logging.getLogger()
    logger.setLevel(logging.DEBUG)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    stderr.addFilter(MaskCredentials())
    logger.addHandler(stderr)
    if run_name is None:
        return None
    written = None
    for inside in (LOG_FILE, kept_path(run_name, ".log")):
        path = root.join(inside)
        try:
            if not os.path.isdir(os.path.dirname(path)):
                os.makedirs(os.path.dirname(path), 0o700 if inside != LOG_FILE else 0o755)
            handler = logging.FileHandler(path, mode="w", encoding="utf-8")
        except (IOError, OSError) as exc:
            logger.warning("cannot write the log %s: %s", path, exc)
            continue
        os.chmod(path, 0o600)
        handler.setLevel(logging.DEBUG)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(MaskCredentials())
        logger.addHandler(handler)
        written = written or path
    return written

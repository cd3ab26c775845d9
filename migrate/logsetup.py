"""Logging: everything (with every subprocess's output) to the log file in the root; only
what a person must read to stderr. Proxy passwords are masked wherever they appear."""
import logging
import os
import re

from migrate.root import LOG_FILE

CREDENTIALS_IN_URL = re.compile(r"(\w+://[^/:@\s]+:)[^@\s/]+@")


class MaskCredentials(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        masked = CREDENTIALS_IN_URL.sub(r"\1***@", message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def setup_logging(root, verbose):
    logger = logging.getLogger()
    logger.setLevel(logging.DEBUG)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    stderr.addFilter(MaskCredentials())
    logger.addHandler(stderr)
    path = root.join(LOG_FILE)  # resolved inside the root: a linked log never leads out
    try:
        if not os.path.isdir(os.path.dirname(path)):
            os.makedirs(os.path.dirname(path))
        handler = logging.FileHandler(path, encoding="utf-8")
    except (IOError, OSError) as exc:
        logger.warning("cannot write the log %s: %s", path, exc)
        return None
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskCredentials())
    logger.addHandler(handler)
    return path

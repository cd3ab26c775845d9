"""Logging: everything (with every subprocess's output) to the log file in the root; only
what a person must read to stderr. Credentials are masked in every line, tracebacks included
(migrate.secrets)."""
import logging
import os

from migrate.root import LOG_FILE
from migrate.secrets import mask


class MaskingFormatter(logging.Formatter):
    """The whole formatted record masked: message, arguments and any traceback."""

    def format(self, record):
        return mask(super(MaskingFormatter, self).format(record))


def setup_logging(root, verbose):
    logger = logging.getLogger()
    logger.setLevel(logging.DEBUG)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    stderr.setFormatter(MaskingFormatter("%(levelname)s: %(message)s"))
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
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path

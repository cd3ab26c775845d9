"""The report's `status` values and the one table from (command, status) to exit code.

Every command ends in one of these statuses (docs: README "Exit codes"); cli.py exits with
exit_code(command, status), so a status means the same code everywhere it is reached."""
from migrate.errors import (EXIT_AFTER_PONR, EXIT_BLOCKED, EXIT_BUG, EXIT_OK, EXIT_ROLLBACK_INCOMPLETE,
                            EXIT_ROLLED_BACK)


class Status(object):
    """Plain strings (json and Python 3.6 need nothing special), named once."""

    READY = "ready"
    BLOCKED = "blocked"
    CONVERTED = "converted"
    FAILED = "failed"
    ROLLED_BACK = "rolled_back"
    ROLLBACK_INCOMPLETE = "rollback_incomplete"
    ALREADY_CONVERTED = "already_converted"
    ERROR = "error"  # only in error reports (migrate.report.failure): the exception's own code

    ALL = (READY, BLOCKED, CONVERTED, FAILED, ROLLED_BACK, ROLLBACK_INCOMPLETE, ALREADY_CONVERTED, ERROR)


EXIT_CODES = {
    Status.READY: EXIT_OK,
    Status.ALREADY_CONVERTED: EXIT_OK,
    Status.CONVERTED: EXIT_OK,
    Status.BLOCKED: EXIT_BLOCKED,
    Status.ROLLED_BACK: EXIT_ROLLED_BACK,  # a conversion that failed and was undone
    Status.FAILED: EXIT_AFTER_PONR,  # a conversion that stopped after the point of no return
    Status.ROLLBACK_INCOMPLETE: EXIT_ROLLBACK_INCOMPLETE,
    # where a command gives a status its own meaning
    ("rollback", Status.ROLLED_BACK): EXIT_OK,  # what was asked for: success
    ("verify", Status.FAILED): EXIT_BLOCKED,  # a check of the host: nothing was changed
}


def exit_code(command, status):
    """The exit code of `command` ending in `status`; an unknown pair is a bug (exit 1)."""
    return EXIT_CODES.get((command, status), EXIT_CODES.get(status, EXIT_BUG))


def error_status(code):
    """The status of an error report exiting with `code` (migrate.report.failure)."""
    return Status.BLOCKED if code == EXIT_BLOCKED else Status.ERROR

"""Expected failures, each carrying the exit code of the contract.

Only cli.py turns these into exit codes; everything below raises. A command that ends with a
report takes its code from its status instead (migrate.statuses, the one table)."""

EXIT_OK = 0
EXIT_BUG = 1
EXIT_USAGE = 2
EXIT_BLOCKED = 3
EXIT_ROLLED_BACK = 4
EXIT_AFTER_PONR = 5
EXIT_ROLLBACK_INCOMPLETE = 6
EXIT_LOCKED = 7


class MigrateError(Exception):
    exit_code = EXIT_BUG

    def __init__(self, message, report=None):
        super(MigrateError, self).__init__(message)
        self.message = message
        self.report = report  # the report document built so far, if any


class UsageError(MigrateError):
    exit_code = EXIT_USAGE


class Blocked(MigrateError):
    exit_code = EXIT_BLOCKED


class RolledBack(MigrateError):
    exit_code = EXIT_ROLLED_BACK


class FailedAfterPointOfNoReturn(MigrateError):
    exit_code = EXIT_AFTER_PONR


class RollbackIncomplete(MigrateError):
    """An undo failed: the journal says rollback_incomplete and `rollback` finishes it."""

    exit_code = EXIT_ROLLBACK_INCOMPLETE


class Locked(MigrateError):
    exit_code = EXIT_LOCKED


class ProfileError(MigrateError):
    """A profile file is broken: a bug in what we ship, or a user's own profile."""

    exit_code = EXIT_BUG


class ConfigError(UsageError):
    """The --config file is unreadable or has a wrong key or value."""


class CommandFailed(MigrateError):
    """A subprocess exited non-zero; keeps what is needed to explain it."""

    def __init__(self, argv, returncode, stdout, stderr):
        tail = "\n".join((stderr or stdout or "").strip().splitlines()[-5:])
        message = "%s exited with %d%s" % (argv[0], returncode, (": " + tail) if tail else "")
        super(CommandFailed, self).__init__(message)
        self.argv = list(argv)
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


class StepFailed(MigrateError):
    """A step could not finish; the engine decides between rollback and resume."""

    def __init__(self, step_id, message):
        super(StepFailed, self).__init__("%s: %s" % (step_id, message))
        self.step_id = step_id

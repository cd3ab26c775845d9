"""The report of a run that ended in an error before a command could make its own: a usage
error, a held lock, a read-only root, a signal, a bug. `--output json` prints one on every
such exit (status `error`, or `blocked` for exit 3), with one finding naming the cause."""
from migrate.findings import raised_finding
from migrate.report.document import build_report, empty_source, empty_target
from migrate.statuses import error_status

# exception class name -> finding ID (migrate.findings declares its title and remediation)
CAUSES = {
    "UsageError": "USAGE_ERROR",
    "ConfigError": "CONFIG_INVALID",
    "Locked": "LOCKED",
    "ReadOnlyRoot": "ROOT_READ_ONLY",
    "CorruptJournal": "JOURNAL_CORRUPTED",
    "JournalTooNew": "JOURNAL_TOO_NEW",
    "JournalNotSaved": "JOURNAL_NOT_SAVED",
    "Interrupted": "INTERRUPTED",
    "Blocked": "BLOCKED",
    "ProfileError": "PROFILE_INVALID",
}


def error_report(command, exc, message, exit_code, root_path=None, context=None):
    """context: the command's Context when it was made (its run id and host name)."""
    finding_id = CAUSES.get(type(exc).__name__, "INTERNAL_ERROR" if exit_code == 1 else "ERROR")
    status = error_status(exit_code)
    finding = raised_finding(finding_id, message)
    return build_report(command, status, empty_source(), empty_target(), [finding],
                        exit_code=exit_code, message=message, root_path=root_path,
                        run_id=getattr(context, "run_id", None), hostname=getattr(context, "hostname", None))


def add_write_failures(report, events_error, log_error):
    """The events file or the log could not be written (after the point of no return that never
    stops a conversion): the report says so with a warning each."""
    for finding_id, error in (("EVENTS_INCOMPLETE", events_error), ("LOG_INCOMPLETE", log_error)):
        if error:
            report["findings"].append(raised_finding(finding_id, "Writing it failed: %s." % error))

"""The report of a run that ended in an error before a command could make its own: a usage
error, a held lock, a read-only root, a signal, a bug. `--output json` prints one on every
such exit (status `error`, or `blocked` for exit 3), with one finding naming the cause."""
from migrate.checks.base import WARNING, command_finding
from migrate.report.document import build_report, empty_source, empty_target
from migrate.statuses import error_status

# exception class name -> (finding ID, title, what to do)
CAUSES = {
    "UsageError": ("USAGE_ERROR", "The command line or an option is wrong",
                   "Correct the command (see --help) and run it again."),
    "ConfigError": ("CONFIG_INVALID", "The configuration file cannot be used",
                    "Fix the file named above (a readable regular UTF-8 TOML file) and run again."),
    "Locked": ("LOCKED", "Another almalinux-migrate run holds the lock",
               "Wait for that run to finish (`almalinux-migrate status` shows it), then run again."),
    "ReadOnlyRoot": ("ROOT_READ_ONLY", "The system to convert is on a read-only filesystem",
                     "Remount it read-write (mount -o remount,rw), then run again."),
    "CorruptJournal": ("JOURNAL_CORRUPTED", "The conversion's journal cannot be read",
                       "Inspect the journal and the log; decide by hand (see README, runbook)."),
    "JournalTooNew": ("JOURNAL_TOO_NEW", "A newer almalinux-migrate wrote the conversion's journal",
                      "Install the version the message names and run the command with it."),
    "JournalNotSaved": ("JOURNAL_NOT_SAVED", "The conversion's journal could not be saved",
                        "Free space where the state dir is, then run `almalinux-migrate status`."),
    "Interrupted": ("INTERRUPTED", "A signal stopped the run",
                    "Nothing was changed; run the command again when ready."),
    "Blocked": ("BLOCKED", "The run cannot start", "Do what the message says, then run again."),
    "ProfileError": ("PROFILE_INVALID", "A profile file is broken",
                     "Report it with the log (or fix your own profile)."),
}
INTERNAL = ("INTERNAL_ERROR", "almalinux-migrate hit an internal error (a bug)",
            "Report it with the log: `almalinux-migrate bundle` collects what is needed.")


def error_report(command, exc, message, exit_code, root_path=None, context=None):
    """context: the command's Context when it was made (its run id and host name)."""
    finding_id, title, remediation = CAUSES.get(type(exc).__name__, INTERNAL)
    if exit_code != 1 and (finding_id, title, remediation) == INTERNAL:
        finding_id, title, remediation = "ERROR", "The run stopped", "Do what the message says."
    status = error_status(exit_code)
    finding = command_finding(finding_id, title, message, remediation)
    return build_report(command, status, empty_source(), empty_target(), [finding],
                        exit_code=exit_code, message=message, root_path=root_path,
                        run_id=getattr(context, "run_id", None), hostname=getattr(context, "hostname", None))


def add_write_failures(report, events_error, log_error):
    """The events file or the log could not be written (after the point of no return that never
    stops a conversion): the report says so with a warning each."""
    for what, error in (("events file", events_error), ("log", log_error)):
        if error:
            report["findings"].append(command_finding(
                "%s_INCOMPLETE" % what.split()[0].upper(), "The %s is incomplete" % what,
                "Writing it failed: %s." % error,
                "Free space (or fix what the error names); the report and the journal are complete.",
                severity=WARNING))

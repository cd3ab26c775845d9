"""A finding's one shape, and the declaration of every finding ID that no check class raises.

A check's ID is declared by its class (migrate.checks); every other ID a report can hold is in
RAISED below, with the title and remediation the report shows, so that docs/checks.md
(`python -m migrate.checks.docs`) lists them all. IDs are public: never renamed, never reused.
tests/unit/test_findings.py fails on an ID raised anywhere in migrate/ that is declared nowhere."""
from typing import NamedTuple

from migrate.hooks import HOOKS_DIR

INFO, WARNING, BLOCKER = "info", "warning", "blocker"
SEVERITIES = (INFO, WARNING, BLOCKER)


class Finding(dict):
    """The report's finding (schemas/report-1.json): a dict with fixed keys, so the report
    serialises it unchanged, built only by make_finding(), which fills every key and refuses an
    unknown severity; its fields read as attributes."""

    __slots__ = ()

    id = property(lambda self: self["id"])
    severity = property(lambda self: self["severity"])
    title = property(lambda self: self["title"])
    detail = property(lambda self: self["detail"])
    remediation = property(lambda self: self["remediation"])
    overridden = property(lambda self: self["overridden"])
    data = property(lambda self: self.get("data"))  # machine-readable extras; absent when none

    @property
    def blocking(self):
        return self["severity"] == BLOCKER and not self["overridden"]

    def as_report(self):
        """The finding as written to JSON (a plain dict)."""
        return dict(self)


def make_finding(finding_id, severity, title, detail, remediation, overridable=False, overridden=False):
    """The report's finding (schemas/report-1.json)."""
    if severity not in SEVERITIES:
        raise ValueError("finding %s: severity %r is not one of %s" % (finding_id, severity, SEVERITIES))
    return Finding(id=finding_id, severity=severity, title=title, detail=detail, remediation=remediation,
                   overridable=overridable, overridden=overridden)


def command_finding(finding_id, title, detail, remediation, severity=BLOCKER):
    """A finding built outside the registry's text (a check's own ID reused by a command)."""
    return make_finding(finding_id, severity, title, detail, remediation)


class Raised(NamedTuple):
    """A finding ID a command, a step or an error raises itself. `{name}` fields in the title
    and remediation are filled by raised_finding()'s keyword arguments."""

    id: str
    severity: str
    by: str  # what raises it, for docs/checks.md
    title: str
    remediation: str


RAISED = (
    Raised("TRANSACTION_TEST_FAILED", BLOCKER, "step TEST_TRANSACTION",
           "rpm's test transaction failed: the conversion would not install",
           "A file conflict names both packages: remove the installed one (`dnf remove NAME`) when you "
           "do not need it, then run the conversion again, and report it so the profile removes it "
           "for everyone. A disk space problem names the filesystem and what rpm needs there: free "
           "that much, then run the conversion again."),
    Raised("NO_CONVERSION_IN_PROGRESS", BLOCKER, "resume, rollback", "There is no conversion to {command}",
           "Start one with `almalinux-migrate convert`; `status` shows the last run."),
    Raised("ROLLBACK_INCOMPLETE", BLOCKER, "resume, rollback", "A rollback did not finish",
           "Run `almalinux-migrate rollback` to finish undoing them."),
    Raised("PAST_POINT_OF_NO_RETURN", BLOCKER, "rollback", "The conversion passed the point of no return",
           "Run `almalinux-migrate resume` to finish the conversion."),
    Raised("PRE_CONVERT_HOOK_FAILED", BLOCKER, "convert", "A pre-convert hook failed",
           "Fix the hook or remove it from %s/pre-convert; nothing was changed." % HOOKS_DIR),
    Raised("PANEL_ACTIONS_DONE", INFO, "verify --boot", "The control panels' repairs after the conversion ran",
           "Nothing to do."),
    Raised("PANEL_ACTIONS_FAILED", WARNING, "verify --boot", "A control panel's repair after the conversion failed",
           "Read the log, fix what the panel reports and run the failed command by hand, or run "
           "`almalinux-migrate verify --boot` again (it retries what failed)."),
    # a run that ended in an error before its command made a report (migrate.report.failure)
    Raised("USAGE_ERROR", BLOCKER, "any command (exit 2)", "The command line or an option is wrong",
           "Correct the command (see --help) and run it again."),
    Raised("CONFIG_INVALID", BLOCKER, "any command (exit 2)", "The configuration file cannot be used",
           "Fix the file named above (a readable regular UTF-8 TOML file) and run again."),
    Raised("LOCKED", BLOCKER, "any command (exit 7)", "Another almalinux-migrate run holds the lock",
           "Wait for that run to finish (`almalinux-migrate status` shows it), then run again."),
    Raised("ROOT_READ_ONLY", BLOCKER, "any command (exit 3)", "The system to convert is on a read-only filesystem",
           "Remount it read-write (mount -o remount,rw), then run again."),
    Raised("JOURNAL_CORRUPTED", BLOCKER, "any command (exit 1)", "The conversion's journal cannot be read",
           "Inspect the journal and the log; decide by hand (docs/cli.md, \"When a run stops\")."),
    Raised("JOURNAL_TOO_NEW", BLOCKER, "resume, rollback, status (exit 3)",
           "A newer almalinux-migrate wrote the conversion's journal",
           "Run the command with the almalinux-migrate version the message names, or a later one: it "
           "finishes or undoes this conversion. Nothing was changed."),
    Raised("JOURNAL_NOT_SAVED", BLOCKER, "any command (exit 4)", "The conversion's journal could not be saved",
           "Free space where the state dir is, then run `almalinux-migrate status`."),
    Raised("INTERRUPTED", BLOCKER, "any command (exit 4)", "A signal stopped the run",
           "Nothing was changed; run the command again when ready."),
    Raised("BLOCKED", BLOCKER, "any command (exit 3)", "The run cannot start",
           "Do what the message says, then run again."),
    Raised("PROFILE_INVALID", BLOCKER, "any command", "A profile file is broken",
           "Report it with the log (or fix your own profile)."),
    Raised("INTERNAL_ERROR", BLOCKER, "any command (exit 1)", "almalinux-migrate hit an internal error (a bug)",
           "Report it with the log: `almalinux-migrate bundle` collects what is needed."),
    Raised("ERROR", BLOCKER, "any command (its exit code)", "The run stopped", "Do what the message says."),
    Raised("EVENTS_INCOMPLETE", WARNING, "convert, resume", "The events file is incomplete",
           "Free space (or fix what the error names); the report and the journal are complete."),
    Raised("LOG_INCOMPLETE", WARNING, "convert, resume", "The log is incomplete",
           "Free space (or fix what the error names); the report and the journal are complete."),
)
BY_ID = dict((r.id, r) for r in RAISED)


def raised_finding(finding_id, detail, data=None, **fields):
    """The finding of a declared ID; `fields` fill the title's and remediation's `{name}`s."""
    raised = BY_ID[finding_id]
    finding = make_finding(finding_id, raised.severity, raised.title.format(**fields), detail,
                           raised.remediation.format(**fields))
    if data is not None:
        finding["data"] = data
    return finding

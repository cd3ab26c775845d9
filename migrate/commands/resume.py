"""resume: continue an unfinished conversion from its journal, with the journal's options."""
from migrate.checks.base import BLOCKER
from migrate.commands.execute import execute, restore_context
from migrate.commands.reporting import report_for
from migrate.errors import EXIT_BLOCKED
from migrate.journal import Journal, Lock

NO_CONVERSION = {
    "id": "NO_CONVERSION_IN_PROGRESS",
    "severity": BLOCKER,
    "title": "There is no conversion to resume",
    "detail": "No unfinished journal under /var/lib/almalinux-migrate.",
    "remediation": "Start one with `almalinux-migrate convert`; `status` shows the last run.",
    "overridable": False,
    "overridden": False,
}


def run(ctx):
    with Lock(ctx.root):
        journal = Journal.load(ctx.root)
        if journal is None or journal.data["state"] not in ("running", "failed"):
            return report_for(ctx, "resume", "blocked", [NO_CONVERSION], EXIT_BLOCKED, journal=journal)
        restore_context(ctx, journal)
        journal.data["state"] = "running"
        journal.save()
        return execute(ctx, journal, "resume", [])

"""resume: continue an unfinished conversion from its journal, with the journal's options."""
from migrate.commands.execute import execute, restore_context, unfinished_journal
from migrate.checks.root_path_escapes import escape_finding
from migrate.commands.reporting import report_for
from migrate.errors import EXIT_BLOCKED
from migrate.journal import Lock


def run(ctx):
    with Lock(ctx.root):
        journal, refusal = unfinished_journal(ctx, "resume")
        if refusal is not None:
            return refusal
        restore_context(ctx, journal)
        escape = escape_finding(ctx.facts)
        if escape is not None:
            return report_for(ctx, "resume", "blocked", [escape], EXIT_BLOCKED, journal=journal)
        journal.data["state"] = "running"
        journal.save()
        return execute(ctx, journal, "resume", [])

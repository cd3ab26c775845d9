"""resume: continue an unfinished conversion from its journal, with the journal's options."""
from migrate.commands.execute import execute, restore_context, unfinished_journal
from migrate.journal import Lock


def run(ctx):
    with Lock(ctx.root):
        journal, refusal = unfinished_journal(ctx, "resume")
        if refusal is not None:
            return refusal
        restore_context(ctx, journal)
        journal.data["state"] = "running"
        journal.save()
        return execute(ctx, journal, "resume", [])

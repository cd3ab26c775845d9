"""status: the journal as it is on disk (read-only; no lock needed)."""
from migrate.journal import SCHEMA, Journal


def run(ctx):
    journal = Journal.load(ctx.root)
    if journal is None:
        return {"schema": SCHEMA, "state": "none", "steps": []}
    return journal.data

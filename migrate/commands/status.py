"""status: the journal as it is on disk (read-only; no lock needed). A journal that says
`running` while no process holds the lock belongs to a run that was killed: `interrupted`."""
from migrate.journal import SCHEMA, Journal, lock_held


def run(ctx):
    journal = Journal.load(ctx.root)
    if journal is None:
        return {"schema": SCHEMA, "state": "none", "steps": []}
    document = dict(journal.data)
    document["journal_state"] = document["state"]
    if document["state"] == "running" and not lock_held(ctx.root):
        document["state"] = "interrupted"
    return document

"""status: the journal as it is on disk; `running` without the lock held was killed."""
from migrate.commands.status import run
from migrate.journal import SCHEMA, Journal, Lock
from migrate.root import Root
from tests.kit import make_ctx


def _ctx_with_journal(tmp_path, state):
    ctx = make_ctx(Root(str(tmp_path)))
    journal = Journal.start(ctx.root, "run-1", {}, {}, {}, ["BACKUP_FILES"])
    journal.data["state"] = state
    journal.save()
    return ctx


def test_no_journal_is_state_none(tmp_path):
    assert run(make_ctx(Root(str(tmp_path)))) == {"schema": SCHEMA, "state": "none", "steps": []}


def test_a_running_journal_nobody_holds_the_lock_for_was_interrupted(tmp_path):
    document = run(_ctx_with_journal(tmp_path, "running"))
    assert (document["state"], document["journal_state"], document["run_id"]) == ("interrupted", "running", "run-1")


def test_a_running_journal_under_the_lock_is_running(tmp_path):
    ctx = _ctx_with_journal(tmp_path, "running")
    lock = Lock(ctx.root).acquire()
    try:
        assert run(ctx)["state"] == "running"
    finally:
        lock.release()


def test_other_states_are_as_written(tmp_path):
    document = run(_ctx_with_journal(tmp_path, "failed"))
    assert (document["state"], document["journal_state"]) == ("failed", "failed")
    assert [s["id"] for s in document["steps"]] == ["BACKUP_FILES"]

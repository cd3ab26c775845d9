import json

import pytest

from migrate import journal as J
from migrate.errors import FailedAfterPointOfNoReturn, Locked, RolledBack
from migrate.journal import CorruptJournal, Journal, Lock, journal_exists
from migrate.root import Root
from migrate.steps.base import Step
from migrate.steps.engine import run_steps


class Recorder(object):
    """Stands in for ctx.events and ctx.ui: remembers what the engine announced."""

    def __init__(self):
        self.events = []

    def emit(self, event, **fields):
        self.events.append((event, fields.get("step"), fields.get("outcome")))

    def __getattr__(self, name):  # ui methods
        return lambda *args, **kwargs: None


class Ctx(object):
    def __init__(self, root):
        self.root = root
        self.events = Recorder()
        self.ui = Recorder()
        self.log = []


class FakeStep(Step):
    def __init__(self, step_id, late=False, fail=False, done=False, undo_fails=False):
        self.id = step_id
        self.title = step_id
        self.after_point_of_no_return = late
        self.fail, self.done, self.undo_fails = fail, done, undo_fails

    def is_done(self, ctx):
        return self.done

    def apply(self, ctx):
        ctx.log.append("apply " + self.id)
        if self.fail:
            raise RuntimeError("%s broke" % self.id)

    def undo(self, ctx):
        ctx.log.append("undo " + self.id)
        if self.undo_fails:
            raise RuntimeError("undo broke")


def _start(tmp_path, steps):
    root = Root(str(tmp_path))
    return Ctx(root), Journal.start(root, "run", {}, {}, {}, [s.id for s in steps])


def _states(journal):
    return [(s["id"], s["state"]) for s in journal.data["steps"]]


def test_all_steps_run_in_order_and_the_journal_says_done(tmp_path):
    steps = [FakeStep("A"), FakeStep("B", late=True)]
    ctx, journal = _start(tmp_path, steps)
    run_steps(ctx, steps, journal)
    assert ctx.log == ["apply A", "apply B"]
    saved = json.loads((tmp_path / "var/lib/almalinux-migrate/journal.json").read_text())
    assert saved["state"] == "done" and saved["point_of_no_return_passed"] is True
    assert ("point_of_no_return", None, None) in ctx.events.events


def test_failure_before_the_point_of_no_return_undoes_in_reverse_past_a_failing_undo(tmp_path):
    steps = [FakeStep("A"), FakeStep("B", undo_fails=True), FakeStep("C", fail=True), FakeStep("D", late=True)]
    ctx, journal = _start(tmp_path, steps)
    with pytest.raises(RolledBack) as err:
        run_steps(ctx, steps, journal)
    assert err.value.exit_code == 4
    assert ctx.log == ["apply A", "apply B", "apply C", "undo C", "undo B", "undo A"]
    assert dict(_states(journal))["A"] == J.UNDONE and dict(_states(journal))["D"] == J.PENDING
    assert journal.data["state"] == "rolled_back"


def test_failure_after_the_point_of_no_return_stops_for_resume(tmp_path):
    steps = [FakeStep("A"), FakeStep("B", late=True, fail=True), FakeStep("C", late=True)]
    ctx, journal = _start(tmp_path, steps)
    with pytest.raises(FailedAfterPointOfNoReturn) as err:
        run_steps(ctx, steps, journal)
    assert err.value.exit_code == 5 and "resume" in err.value.message
    assert "undo A" not in ctx.log
    assert journal_exists(ctx.root)
    steps[1].fail = False
    run_steps(ctx, steps, Journal.load(ctx.root))
    assert ctx.log[-2:] == ["apply B", "apply C"]
    assert ctx.log.count("apply A") == 1


def test_a_step_that_is_already_done_is_not_applied_again(tmp_path):
    steps = [FakeStep("A", done=True)]
    ctx, journal = _start(tmp_path, steps)
    run_steps(ctx, steps, journal)
    assert ctx.log == [] and journal.step("A")["detail"] == "already done"


def test_corrupted_journal_is_refused_not_guessed(tmp_path):
    root = Root(str(tmp_path))
    root.write_text(J.JOURNAL, "{not json")
    with pytest.raises(CorruptJournal) as err:
        Journal.load(root)
    assert "corrupted" in err.value.message
    assert journal_exists(root)


def test_second_lock_holder_gets_exit_7(tmp_path):
    root = Root(str(tmp_path))
    with Lock(root):
        with pytest.raises(Locked) as err:
            Lock(root).acquire()
        assert err.value.exit_code == 7
    Lock(root).acquire().release()

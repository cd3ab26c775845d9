import json
import signal

import pytest

from migrate import journal as J
from migrate.errors import FailedAfterPointOfNoReturn, RollbackIncomplete, RolledBack
from migrate.interrupts import Interrupted
from migrate.journal import Journal, journal_exists
from migrate.root import Root
from migrate.steps.base import Phase, Step
from migrate.steps.engine import run_steps, split_at_point_of_no_return, undo_steps
from tests.kit import make_ctx


def Ctx(root):
    ctx = make_ctx(root)
    ctx.log = []
    return ctx


def _signals(ctx):
    """The names of the signals the engine announced, in order."""
    return [kwargs["signal"] for name, args, kwargs in ctx.events.calls if name == "emit" and args == ("signal",)]


class FakeStep(Step):
    def __init__(self, step_id, late=False, fail=False, done=False, undo_fails=False):
        self.id = step_id
        self.title = step_id
        self.late = late  # in the phase after the point of no return
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


def _phases(steps):
    """A reversible phase of the early steps, then one phase of the late ones."""
    return [Phase("prepare", tuple(s for s in steps if not s.late), reversible=True),
            Phase("convert", tuple(s for s in steps if s.late))]


def _start(tmp_path, steps):
    root = Root(str(tmp_path))
    return Ctx(root), Journal.start(root, "run", {}, {}, {}, [s.id for s in steps])


def _states(journal):
    return [(s["id"], s["state"]) for s in journal.data["steps"]]


def test_all_steps_run_in_order_and_the_journal_says_done(tmp_path):
    steps = [FakeStep("A"), FakeStep("B", late=True)]
    ctx, journal = _start(tmp_path, steps)
    run_steps(ctx, _phases(steps), journal)
    assert ctx.log == ["apply A", "apply B"]
    saved = json.loads((tmp_path / "var/lib/almalinux-migrate/journal.json").read_text())
    assert saved["state"] == "done" and saved["point_of_no_return_passed"] is True
    assert ctx.events.calls.count(("emit", ("point_of_no_return",), {})) == 1


def test_failure_before_the_point_of_no_return_undoes_in_reverse(tmp_path):
    steps = [FakeStep("A"), FakeStep("B"), FakeStep("C", fail=True), FakeStep("D", late=True)]
    ctx, journal = _start(tmp_path, steps)
    with pytest.raises(RolledBack) as err:
        run_steps(ctx, _phases(steps), journal)
    assert err.value.exit_code == 4
    assert ctx.log == ["apply A", "apply B", "apply C", "undo C", "undo B", "undo A"]
    assert dict(_states(journal))["A"] == J.UNDONE and dict(_states(journal))["D"] == J.PENDING
    assert journal.data["state"] == "rolled_back"


def test_a_failing_undo_is_rollback_incomplete_and_a_second_rollback_finishes_it(tmp_path):
    steps = [FakeStep("A"), FakeStep("B", undo_fails=True), FakeStep("C", fail=True), FakeStep("D", late=True)]
    ctx, journal = _start(tmp_path, steps)
    with pytest.raises(RollbackIncomplete) as err:
        run_steps(ctx, _phases(steps), journal)
    assert err.value.exit_code == 6
    assert "B (" in err.value.message and "rollback" in err.value.message
    assert ctx.log == ["apply A", "apply B", "apply C", "undo C", "undo B", "undo A"]
    assert dict(_states(journal))["A"] == J.UNDONE and dict(_states(journal))["B"] == J.DONE
    assert Journal.load(ctx.root).data["state"] == "rollback_incomplete"
    assert journal_exists(ctx.root)  # nothing starts over it
    steps[1].undo_fails = False
    assert undo_steps(ctx, _phases(steps), journal) == []
    assert ctx.log[-2:] == ["undo C", "undo B"]  # A stays undone
    assert dict(_states(journal))["B"] == J.UNDONE


def test_a_signal_before_the_point_of_no_return_undoes_and_rolls_back(tmp_path):
    class Interrupting(FakeStep):
        def apply(self, ctx):
            ctx.log.append("apply " + self.id)
            raise Interrupted("SIGTERM")

    steps = [FakeStep("A"), Interrupting("B"), FakeStep("C", late=True)]
    ctx, journal = _start(tmp_path, steps)
    with pytest.raises(RolledBack) as err:
        run_steps(ctx, _phases(steps), journal)
    assert "Stopped by SIGTERM" in err.value.message
    assert ctx.log == ["apply A", "apply B", "undo B", "undo A"]
    assert journal.data["state"] == "rolled_back"


def test_a_stop_after_the_point_of_no_return_waits_for_the_step_boundary(tmp_path):
    class Stopping(FakeStep):
        def apply(self, ctx):
            ctx.log.append("apply " + self.id)
            ctx.interrupts._handle(signal.SIGINT, None)  # as the handler would, mid-step

    steps = [FakeStep("A"), Stopping("B", late=True), FakeStep("C", late=True)]
    ctx, journal = _start(tmp_path, steps)
    with pytest.raises(FailedAfterPointOfNoReturn) as err:
        run_steps(ctx, _phases(steps), journal)
    assert "SIGINT" in err.value.message and "resume" in err.value.message
    assert ctx.log == ["apply A", "apply B"]
    assert dict(_states(journal))["B"] == J.DONE and dict(_states(journal))["C"] == J.PENDING
    assert journal.data["state"] == "failed" and journal.data["stopped_by"] == "SIGINT"
    assert _signals(ctx) == ["SIGINT"]


def test_sighup_after_the_point_of_no_return_is_ignored(tmp_path):
    class HangingUp(FakeStep):
        def apply(self, ctx):
            ctx.log.append("apply " + self.id)
            ctx.interrupts._handle(signal.SIGHUP, None)

    steps = [FakeStep("A"), HangingUp("B", late=True), FakeStep("C", late=True)]
    ctx, journal = _start(tmp_path, steps)
    run_steps(ctx, _phases(steps), journal)
    assert ctx.log == ["apply A", "apply B", "apply C"] and journal.data["state"] == "done"


def test_failure_after_the_point_of_no_return_stops_for_resume(tmp_path):
    steps = [FakeStep("A"), FakeStep("B", late=True, fail=True), FakeStep("C", late=True)]
    ctx, journal = _start(tmp_path, steps)
    with pytest.raises(FailedAfterPointOfNoReturn) as err:
        run_steps(ctx, _phases(steps), journal)
    assert err.value.exit_code == 5 and "resume" in err.value.message
    assert "undo A" not in ctx.log
    assert journal_exists(ctx.root)
    steps[1].fail = False
    run_steps(ctx, _phases(steps), Journal.load(ctx.root))
    assert ctx.log[-2:] == ["apply B", "apply C"]
    assert ctx.log.count("apply A") == 1


def test_a_step_that_is_already_done_is_not_applied_again(tmp_path):
    steps = [FakeStep("A", done=True)]
    ctx, journal = _start(tmp_path, steps)
    run_steps(ctx, _phases(steps), journal)
    assert ctx.log == [] and journal.step("A")["detail"] == "already done"


def test_a_step_whose_run_data_is_unset_fails_before_it_runs_and_is_undone(tmp_path):
    needy = FakeStep("B")
    needy.needs = ("plan", "trusted_keys")
    steps = [FakeStep("A"), needy]
    ctx, journal = _start(tmp_path, steps)
    ctx.run.plan = None
    ctx.events.error = None  # the events file is fine
    with pytest.raises(RolledBack) as err:
        run_steps(ctx, _phases(steps), journal)
    assert "internal error: step B needs plan, which this run has not set" in err.value.message
    assert ctx.log == ["apply A", "undo A"]


def test_a_reversible_phase_after_the_point_of_no_return_is_refused():
    with pytest.raises(ValueError) as err:
        split_at_point_of_no_return([Phase("a", (FakeStep("A"),)), Phase("b", (FakeStep("B"),), True)])
    assert "phase b is reversible" in str(err.value)


class Skipped(FakeStep):
    def applies(self, ctx):
        return False


def _run(tmp_path, phases):
    root = Root(str(tmp_path))
    ctx = Ctx(root)
    journal = Journal.start(root, "run", {}, {}, {}, [s.id for p in phases for s in p.steps])
    run_steps(ctx, phases, journal)
    events = [(args[0], kwargs.get("step"), kwargs.get("outcome"))
              for name, args, kwargs in ctx.events.calls if name == "emit"]
    return events, journal


def test_the_point_of_no_return_is_crossed_between_the_last_prepare_and_first_convert_step(tmp_path):
    phases = [Phase("prepare", (FakeStep("A"), FakeStep("B")), True),
              Phase("convert", (FakeStep("C"),)), Phase("finish", (FakeStep("D"),))]
    events, journal = _run(tmp_path, phases)
    assert events == [
        ("step_started", "A", None), ("step_finished", "A", "done"),
        ("step_started", "B", None), ("step_finished", "B", "done"),
        ("point_of_no_return", None, None),
        ("step_started", "C", None), ("step_finished", "C", "done"),
        ("step_started", "D", None), ("step_finished", "D", "done")]
    assert journal.data["point_of_no_return_passed"] is True


def test_a_skipped_first_convert_step_still_crosses_the_point_of_no_return_before_it(tmp_path):
    phases = [Phase("prepare", (FakeStep("A"),), True), Phase("convert", (Skipped("C"), FakeStep("D")))]
    events, journal = _run(tmp_path, phases)
    assert events[2:5] == [("point_of_no_return", None, None), ("step_started", "C", None),
                           ("step_finished", "C", "skipped")]
    assert journal.step("C")["state"] == "skipped" and journal.data["point_of_no_return_passed"] is True


def test_a_run_of_reversible_phases_only_never_crosses_it(tmp_path):
    events, journal = _run(tmp_path, [Phase("prepare", (FakeStep("A"),), True)])
    assert ("point_of_no_return", None, None) not in events
    assert journal.data["point_of_no_return_passed"] is False

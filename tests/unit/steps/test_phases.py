"""migrate/steps/__init__.py: the phases name every step once, and the engine crosses the point
of no return between PREPARE and CONVERT, whether CONVERT's first step runs or is skipped."""
import importlib
import inspect
import pkgutil

import pytest

import migrate
from migrate.journal import Journal
from migrate.root import Root
from migrate.steps import CONVERT, PREPARE, conversion_phases, conversion_steps
from migrate.steps.base import Phase, Step
from migrate.steps.engine import run_steps, split_at_point_of_no_return
from tests.unit.steps.test_engine import Ctx, FakeStep


def _step_classes():
    """Every Step class with an ID defined anywhere in migrate/."""
    found = set()
    for info in pkgutil.walk_packages(migrate.__path__, "migrate."):
        module = importlib.import_module(info.name)
        found.update(cls for _, cls in inspect.getmembers(module, inspect.isclass)
                     if issubclass(cls, Step) and cls.__module__ == module.__name__ and cls.id)
    return found


def test_every_step_is_in_exactly_one_phase():
    classes = [type(step) for phase in conversion_phases() for step in phase.steps]
    assert len(classes) == len(set(classes))
    assert set(classes) == _step_classes()
    assert [s.id for s in conversion_steps()] == [type(s).id for s in conversion_steps()]


def test_only_prepare_is_reversible_and_it_comes_first():
    phases = conversion_phases()
    assert [(p.name, p.reversible) for p in phases] == [
        ("prepare", True), ("convert", False), ("boot", False), ("finish", False)]
    early, late = split_at_point_of_no_return(phases)
    assert [type(s) for s in early] == list(PREPARE)
    assert [type(s) for s in late[:len(CONVERT)]] == list(CONVERT)


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

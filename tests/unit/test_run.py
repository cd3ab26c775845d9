import pytest

from migrate.context import Context
from migrate.root import Root
from migrate.run import FIELDS, Run
from tests.kit import make_run


def test_a_new_run_has_every_field_unset_and_refuses_others():
    assert Run().missing(FIELDS) == list(FIELDS)
    with pytest.raises(TypeError):
        Run(plans={})
    with pytest.raises(AttributeError):
        Run().plans = {}


def test_the_kits_run_is_complete_as_assess_leaves_it():
    run, options = make_run()
    assert run.missing(FIELDS) == [] and run.source.os_id == "rocky" and options.allow == ()


def test_the_context_reads_and_writes_its_run_record_and_a_new_record_drops_the_transaction(tmp_path):
    ctx = Context(Root(str(tmp_path)), None, None, None, None, None)
    ctx.plan = {"removed": []}
    assert ctx.run.plan == {"removed": []}
    first = ctx.transaction
    assert first.run is ctx.run and ctx.transaction is first
    run, _ = make_run()
    ctx.run = run
    assert ctx.plan == run.plan and ctx.transaction is not first and ctx.transaction.run is run

from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER
from migrate.plan.model import empty_plan
from tests.kit import MIRROR_KEY, check_findings


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_downgrades_block_without_the_option_and_inform_with_it():
    plan = empty_plan()
    plan["downgraded"] = [{"name": "openssl-libs", "from": "1:3.0.7-27.el9", "to": "1:3.0.7-24.el9"}]
    assert _run(plan=plan)["DOWNGRADE_REQUIRED"]["severity"] == BLOCKER
    assert _run(plan=plan, downgrade=True)["DOWNGRADE_REQUIRED"]["severity"] == "info"


def test_lateral_moves_need_no_downgrade_option():
    plan = empty_plan()
    plan["lateral"] = [{"name": "ima-evm-utils", "from": "1.5-3.el9.rocky.0.1", "to": "1.5-3.el9"}]
    assert "DOWNGRADE_REQUIRED" not in _run(plan=plan)

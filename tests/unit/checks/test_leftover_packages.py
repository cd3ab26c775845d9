from migrate.checks import TARGET_CHECKS
from migrate.plan.model import empty_plan
from tests.kit import MIRROR_KEY, check_findings


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_leftovers_are_announced():
    plan = empty_plan()
    plan["left_alone"] = [{"name": "rocky-only-tool", "nevra": "x", "vendor": "Rocky", "reason": "no_counterpart"}]
    assert _run(plan=plan)["LEFTOVER_PACKAGES"]["data"] == {"count": 1}

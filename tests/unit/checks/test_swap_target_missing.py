from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER
from migrate.plan.model import empty_plan
from tests.kit import MIRROR_KEY, check_findings


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_a_swap_with_nothing_to_swap_in_blocks_until_allowed():
    plan = empty_plan()
    plan["swapped"] = [{"kind": "unavailable", "from": ["oracle-epel-release-el8"], "to": ["epel-release"]}]
    finding = _run(plan=plan)["SWAP_TARGET_MISSING"]
    assert finding["severity"] == BLOCKER and finding["overridable"]
    assert finding["data"] == {"packages": ["epel-release"]}
    plan["swapped"][0]["kind"] = "branding"
    assert "SWAP_TARGET_MISSING" not in _run(plan=plan)

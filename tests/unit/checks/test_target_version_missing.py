from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER
from migrate.plan.resolve import ResolveProblem
from tests.kit import MIRROR_KEY, check_findings


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_missing_target_version_is_its_own_finding_not_the_mirror():
    findings = _run(problem=ResolveProblem("version_missing", "AlmaLinux 9.9 is not on the mirror m"))
    assert findings["TARGET_VERSION_MISSING"]["severity"] == BLOCKER
    assert "9.9" in findings["TARGET_VERSION_MISSING"]["detail"]
    assert "MIRROR_UNREACHABLE" not in findings and "TRANSACTION_UNSOLVABLE" not in findings

from migrate.checks import TARGET_CHECKS
from migrate.plan.resolve import ResolveProblem
from tests.kit import MIRROR_KEY, check_findings


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_unsolvable_transaction_blocks():
    findings = _run(problem=ResolveProblem("unsolvable", "nothing provides libfoo"))
    assert "libfoo" in findings["TRANSACTION_UNSOLVABLE"]["detail"]

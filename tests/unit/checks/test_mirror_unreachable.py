from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER
from migrate.network.mirror import KeyProbe
from migrate.plan.resolve import ResolveProblem
from tests.kit import MIRROR_KEY, check_findings


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_unreachable_mirror_blocks_and_hides_later_checks():
    key = KeyProbe("http://m/k", "cannot download http://m/k: refused", "", (), (), fetched=False)
    findings = _run(key=key)
    assert findings["MIRROR_UNREACHABLE"]["severity"] == BLOCKER
    assert "TARGET_KEY_UNTRUSTED" not in findings and "TRANSACTION_UNSOLVABLE" not in findings


def test_metadata_problem_is_the_mirror_check():
    findings = _run(problem=ResolveProblem("metadata", "repomd.xml 404"))
    assert "MIRROR_UNREACHABLE" in findings and "TRANSACTION_UNSOLVABLE" not in findings

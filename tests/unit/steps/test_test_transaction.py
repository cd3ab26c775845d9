"""TEST_TRANSACTION's failure carries a TRANSACTION_TEST_FAILED finding for the report (rpm's
test transaction itself runs on built RPMs in tests/sandbox/test_known_conflicts.py)."""
from migrate.findings import BLOCKER, BY_ID
from migrate.steps.test_transaction import TransactionTestFailed

PROBLEMS = [
    {"kind": "conflict", "text": "file /usr/bin/foo conflicts between attempted installs of a-1.el9 and b-2.el9"},
    {"kind": "disk", "text": "installing package x needs 12MB more space on the / filesystem"}]


def test_the_failure_names_every_problem_and_carries_the_finding():
    error = TransactionTestFailed(PROBLEMS)
    assert error.message == ("rpm's test transaction found 2 problem(s): " + PROBLEMS[0]["text"] + "; "
                             + PROBLEMS[1]["text"])
    assert error.finding == {
        "id": "TRANSACTION_TEST_FAILED", "severity": BLOCKER,
        "title": "rpm's test transaction failed: the conversion would not install",
        "detail": PROBLEMS[0]["text"] + "\n" + PROBLEMS[1]["text"],
        "remediation": BY_ID["TRANSACTION_TEST_FAILED"].remediation,
        "overridable": False, "overridden": False, "data": {"problems": PROBLEMS}}

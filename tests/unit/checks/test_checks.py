"""The registry: every check once, with a stable well-formed ID, in an order a plain host passes."""
from migrate.checks import ALL, HOST_CHECKS
from migrate.checks.base import BLOCKER
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_plain_rocky9_host_has_no_blockers():
    findings = _run()
    assert not [f for f in findings.values() if f["severity"] == BLOCKER]


def test_check_ids_are_unique_and_upper_snake():
    ids = [c.id for c in ALL]
    assert len(ids) == len(set(ids))
    assert all(i == i.upper() and " " not in i for i in ids)

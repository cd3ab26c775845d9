from migrate.checks import HOST_CHECKS
from tests.factories import make_facts
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_unfinished_conversion_blocks():
    assert "CONVERSION_IN_PROGRESS" in _run(make_facts(conversion_in_progress=True))

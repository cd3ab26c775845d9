from migrate.checks import HOST_CHECKS
from tests.factories import make_facts
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_non_root_blocks_on_the_live_host_only():
    assert "NOT_SUPERUSER" in _run(make_facts(is_superuser=False))
    assert "NOT_SUPERUSER" not in _run(make_facts(is_superuser=None, is_live=False))

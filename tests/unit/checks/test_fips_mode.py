from migrate.checks import HOST_CHECKS
from migrate.checks.base import WARNING
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_fips_mode_warns():
    assert _host(make_facts(fips_enabled=True))["FIPS_MODE"]["severity"] == WARNING

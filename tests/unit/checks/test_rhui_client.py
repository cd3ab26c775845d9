from migrate.checks import HOST_CHECKS
from tests.factories import base_packages, make_facts, package
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_rhui_client_warns():
    facts = make_facts(packages=base_packages(package("rh-amazon-rhui-client", "4.0.5", arch="noarch")))
    assert _host(facts)["RHUI_CLIENT"]["data"]["packages"] == ["rh-amazon-rhui-client-4.0.5-1.el9.noarch"]

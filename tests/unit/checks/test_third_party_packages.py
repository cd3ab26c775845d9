from migrate.checks import HOST_CHECKS
from tests.factories import base_packages, make_facts, package
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_third_party_packages_inventory_shows_policy():
    agent = package("thirdparty-agent", vendor="Third Party Inc", keyid="1234567890abcdef")
    finding = _host(make_facts(packages=base_packages(agent)), third_party="disable")["THIRD_PARTY_PACKAGES"]
    assert finding["data"]["vendors"] == ["Third Party Inc"] and finding["data"]["policy"] == "disable"

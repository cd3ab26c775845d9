from migrate.checks import HOST_CHECKS
from migrate.facts.model import Registration
from tests.factories import base_packages, make_facts, package
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_rhsm_registration_and_satellite():
    assert "Red Hat CDN" in _host(make_facts(registration=Registration(True, "subscription.rhsm.redhat.com")))[
        "RHSM_REGISTERED"]["detail"]
    assert "satellite.example.com" in _host(make_facts(registration=Registration(True, "satellite.example.com")))[
        "RHSM_REGISTERED"]["detail"]
    katello = make_facts(packages=base_packages(package("katello-ca-consumer-satellite.example.com", arch="noarch")))
    assert _host(katello)["RHSM_REGISTERED"]["data"]["katello"] == ["katello-ca-consumer-satellite.example.com"]
    assert "RHSM_REGISTERED" not in _host(make_facts(registration=Registration(False, "")))

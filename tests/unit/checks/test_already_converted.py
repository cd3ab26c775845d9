from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from migrate.facts.model import Memory, OsRelease, Panel
from tests.factories import base_packages, make_facts, package
from tests.kit import check_findings

MIB = 1024 * 1024


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_almalinux_is_already_converted_not_blocked():
    findings = _run(make_facts(os_release=OsRelease("almalinux", "AlmaLinux", "9.4", "")))
    assert findings["ALREADY_CONVERTED"]["severity"] == "info"
    assert not [f for f in findings.values() if f["severity"] == BLOCKER]


def test_already_converted_host_is_not_blocked_by_conversion_checks():
    from migrate.facts.model import OsRelease

    facts = make_facts(os_release=OsRelease("almalinux", "AlmaLinux", "9.4", ""), panels=(Panel("Plesk", "17.8.11", "18.0.35"),),
                       packages=base_packages(package("zlib", "1", "1"), package("zlib", "1", "2")),
                       memory=Memory(100 * MIB, 10 * MIB, 0))
    assert sorted(_host(facts)) == ["ALREADY_CONVERTED"]

from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from migrate.facts.model import OsRelease
from tests.factories import make_facts
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_debian_is_an_unsupported_source_and_nothing_after_it_runs():
    facts = make_facts(os_release=OsRelease("debian", "Debian GNU/Linux", "12", "Debian GNU/Linux 12 (bookworm)"))
    findings = _run(facts)
    assert findings["UNSUPPORTED_SOURCE"]["severity"] == BLOCKER
    assert "debian" in findings["UNSUPPORTED_SOURCE"]["detail"]
    assert "UNSUPPORTED_ARCH" not in findings and "UNSUPPORTED_TARGET" not in findings


def test_missing_os_release_is_an_unsupported_source():
    findings = _run(make_facts(os_release=OsRelease("", "", "", "")))
    assert "No usable /etc/os-release" in findings["UNSUPPORTED_SOURCE"]["detail"]


def test_unsupported_major_blocks():
    findings = _run(make_facts(os_release=OsRelease("rocky", "Rocky Linux", "7.9", "")))
    assert "supported majors" in findings["UNSUPPORTED_SOURCE"]["detail"]

"""NOT_ALMALINUX: `verify` answers for an AlmaLinux host only."""
from migrate.checks import VERIFY_CHECKS
from migrate.checks.base import CheckInput, run_checks
from migrate.facts.model import OsRelease
from tests.factories import make_facts, situation

ALMA9 = OsRelease("almalinux", "AlmaLinux", "9.4", "AlmaLinux 9.4 (Seafoam Ocelot)")


def _findings(facts):
    facts, source, target, options = situation(facts)
    return run_checks(VERIFY_CHECKS, facts, CheckInput(source, target, options), ())


def test_a_rocky_host_is_not_almalinux_and_nothing_else_is_checked():
    assert _findings(make_facts()) == [{
        "id": "NOT_ALMALINUX", "severity": "blocker", "title": "This host does not run AlmaLinux",
        "detail": "os-release ID is 'rocky'.",
        "remediation": "Convert it with `almalinux-migrate convert`, or `resume` an unfinished run.",
        "overridable": False, "overridden": False}]


def test_an_unknown_os_release_names_none():
    facts = make_facts(os_release=OsRelease("", "", "", ""))
    assert [f["detail"] for f in _findings(facts)] == ["os-release ID is None."]


def test_an_almalinux_host_passes_and_the_keys_check_waits_for_its_keys():
    assert _findings(make_facts(os_release=ALMA9)) == []

"""run_checks: a crashing check is a blocker, --allow overrides, skipped checks say why."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER, CheckInput, Check, Problem, run_checks
from migrate.facts.model import Memory, OsRelease
from tests.factories import make_facts, mount, situation
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


class Crashing(Check):
    id = "CRASHING"
    title = "crashes"

    def evaluate(self, facts, given):
        raise ZeroDivisionError("boom")


class Overridable(Check):
    id = "OVERRIDABLE"
    title = "can be allowed"
    overridable = True

    def evaluate(self, facts, given):
        return Problem("always")


def test_a_crashing_check_becomes_a_blocker_finding():
    facts, source, target, options = situation()
    findings = run_checks([Crashing()], facts, CheckInput(source, target, options), set())
    assert findings[0]["id"] == "CRASHING" and findings[0]["severity"] == BLOCKER
    assert "ZeroDivisionError" in findings[0]["detail"]


def test_allow_marks_an_overridable_blocker_overridden():
    facts, source, target, options = situation()
    given = CheckInput(source, target, options)
    assert run_checks([Overridable()], facts, given, {"OVERRIDABLE"})[0]["overridden"] is True
    assert run_checks([Overridable()], facts, given, set())[0]["overridden"] is False


def test_skipped_checks_are_listed_with_the_reason():
    facts = make_facts(os_release=OsRelease("debian", "Debian GNU/Linux", "12", ""), is_live=False,
                       is_superuser=None)
    facts, source, target, options = situation(facts)
    skipped = []
    run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set(), skipped=skipped)
    reasons = dict((s["id"], s["reason"]) for s in skipped)
    assert reasons["UNSUPPORTED_ARCH"] == "UNSUPPORTED_SOURCE blocks"
    assert reasons["NOT_SUPERUSER"] == "needs the live machine, not --root"


def test_live_checks_are_skipped_under_a_root():
    facts = make_facts(is_live=False, is_superuser=None, fips_enabled=True, memory=Memory(1, 1, 0),
                       mounts=(mount("/usr", readonly=True),))
    findings = _host(facts)
    assert not set(findings) & {"FIPS_MODE", "LOW_MEMORY", "READONLY_MOUNTS"}

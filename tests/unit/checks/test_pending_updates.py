from migrate.checks import SOURCE_CHECKS
from migrate.checks.base import WARNING, CheckInput, run_checks
from migrate.network.source_updates import SourceUpdates, Update
from migrate.source import source_repo_ids
from tests.factories import make_facts, repo, situation

ZLIB = Update("zlib", "x86_64", "1.2.11-40.el9", "1.2.11-42.el9", "baseos")


def _source(updates, facts=None):
    facts, source, target, opts = situation(facts)
    skipped = []
    given = CheckInput(source, target, opts, source_updates=updates)
    findings = dict((f["id"], f) for f in run_checks(SOURCE_CHECKS, facts, given, set(), skipped=skipped))
    return findings, dict((s["id"], s["reason"]) for s in skipped)


def test_updates_from_the_source_repos_warn():
    findings, _ = _source(SourceUpdates((ZLIB,), ("baseos", "appstream"), ("extras: timeout",)))
    finding = findings["PENDING_UPDATES"]
    assert finding["severity"] == WARNING and not finding["overridable"]
    assert "zlib-1.2.11-42.el9.x86_64 (installed 1.2.11-40.el9)" in finding["detail"]
    assert "extras" in finding["detail"]
    assert finding["data"]["updates"][0]["available"] == "1.2.11-42.el9"


def test_fully_updated_host_says_nothing():
    findings, skipped = _source(SourceUpdates((), ("baseos",), ()))
    assert findings == {} and "PENDING_UPDATES" not in skipped


def test_unreachable_repos_skip_the_check_with_the_reason():
    findings, skipped = _source(SourceUpdates((), (), ("baseos: Curl error (7)",)))
    assert findings == {} and "Curl error (7)" in skipped["PENDING_UPDATES"]
    _, skipped = _source(None)
    assert "no enabled repository" in skipped["PENDING_UPDATES"]


def test_source_repos_are_the_enabled_ones_in_the_vendor_files():
    facts = make_facts(repos=(repo("baseos"), repo("appstream"), repo("crb", enabled=False),
                              repo("extras", file="/etc/yum.repos.d/rocky-extras.repo"),
                              repo("epel", file="/etc/yum.repos.d/epel.repo")))
    _, source, _, _ = situation(facts)
    assert source_repo_ids(facts, source.profile) == ["appstream", "baseos", "extras"]

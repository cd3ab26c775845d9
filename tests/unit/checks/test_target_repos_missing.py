"""TARGET_REPOS_MISSING blocks for a repo an enabled source repo maps to, warns otherwise."""
from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER, WARNING
from migrate.plan.model import empty_plan
from tests.factories import make_facts, repo
from tests.kit import MIRROR_KEY, check_findings


def _findings(facts, plan, allowed=()):
    return check_findings(TARGET_CHECKS, facts, key=MIRROR_KEY, plan=plan, allow=tuple(allowed))


def _plan(*missing, **left):
    plan = empty_plan()
    plan["repos"] = [{"id": "baseos", "url": "http://m/9/BaseOS/x86_64/os/"}] + [
        {"id": r, "url": "http://m/9/%s/x86_64/os/" % r, "missing": True, "error": "HTTP 404"}
        for r in missing]
    plan["left_alone"] = [{"name": n, "nevra": n + "-1.0-1.el9.x86_64", "vendor": "Rocky", "keyid": None,
                           "reason": reason} for n, reason in sorted(left.items())]
    return plan


def test_missing_counterpart_of_an_enabled_source_repo_blocks_naming_repo_and_packages():
    facts = make_facts(repos=(repo("baseos"), repo("appstream"), repo("crb")),
                       package_origins=(("crb_tool-1.0-1.el9.x86_64", "crb"),
                                        ("app_tool-1.0-1.el9.x86_64", "appstream")))
    found = _findings(facts, _plan("crb", crb_tool="no_counterpart", app_tool="no_counterpart",
                                   lost_tool="no_counterpart", agent="third_party"))["TARGET_REPOS_MISSING"]
    assert found["severity"] == BLOCKER and found["overridable"] and not found["overridden"]
    assert "crb (http://m/9/crb/x86_64/os/): HTTP 404" in found["detail"]
    assert found["data"]["repos"][0]["source_repos"] == ["crb"]
    # crb_tool came from crb; lost_tool's origin dnf did not record: both may stay foreign.
    # app_tool came from appstream, which loaded; the third-party agent is not the vendor's.
    assert found["data"]["packages"] == ["crb_tool", "lost_tool"]
    assert "would stay foreign: crb_tool, lost_tool" in found["detail"]


def test_missing_repo_blocks_until_allowed():
    facts = make_facts(repos=(repo("baseos"), repo("appstream"), repo("crb")))
    found = _findings(facts, _plan("crb"), allowed=["TARGET_REPOS_MISSING"])["TARGET_REPOS_MISSING"]
    assert found["severity"] == BLOCKER and found["overridden"]


def test_missing_repo_no_enabled_source_repo_maps_to_only_warns():
    facts = make_facts(repos=(repo("baseos"), repo("appstream", enabled=False)))
    found = _findings(facts, _plan("appstream"))["TARGET_REPOS_MISSING"]
    assert found["severity"] == WARNING
    assert "no enabled source repo maps to it" in found["detail"]

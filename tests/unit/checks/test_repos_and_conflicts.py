"""TARGET_REPOS_MISSING blocks for a repo an enabled source repo maps to, warns otherwise;
FIPS_PROVIDER_REMOVAL blocks only a host in FIPS mode whose plan removes a FIPS provider."""
from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER, WARNING, CheckInput, run_checks
from migrate.network.mirror import KeyProbe
from migrate.plan.model import empty_plan
from migrate.keys import PublicKey
from tests.factories import STREAM9_OS_RELEASE, make_facts, package, repo, situation

TRUSTED = PublicKey("BF18AC2876178908D6E71267D36CB86CB86B3716", ())
GOOD_KEY = KeyProbe("http://m/RPM-GPG-KEY-AlmaLinux-9", None, "text", (TRUSTED.fingerprint,), (TRUSTED,))


def _findings(facts, plan, allowed=()):
    facts, source, target, opts = situation(facts)
    given = CheckInput(source, target, opts, key=GOOD_KEY, plan=plan)
    return dict((f["id"], f) for f in run_checks(TARGET_CHECKS, facts, given, set(allowed)))


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


def test_fips_provider_removal_blocks_in_fips_mode_only():
    stream = dict(os_release=STREAM9_OS_RELEASE, redhat_release="CentOS Stream release 9",
                  packages=(package("centos-stream-release", "9.0", vendor="CentOS"),
                            package("fips-provider-next", "1.2.0", vendor="CentOS")),
                  release_packages=("centos-stream-release",))
    plan = empty_plan()
    plan["removed"] = [{"name": "fips-provider-next", "nevra": "fips-provider-next-1.2.0-2.el9.x86_64",
                        "reason": "owns fips.so"}]
    found = _findings(make_facts(fips_enabled=True, **stream), plan)["FIPS_PROVIDER_REMOVAL"]
    assert found["severity"] == BLOCKER and found["data"] == {"packages": ["fips-provider-next"]}
    assert "FIPS_PROVIDER_REMOVAL" not in _findings(make_facts(fips_enabled=False, **stream), plan)

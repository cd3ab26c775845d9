"""FIPS_PROVIDER_REMOVAL blocks only a host in FIPS mode whose plan removes a FIPS provider."""
from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER
from migrate.plan.model import empty_plan
from tests.factories import STREAM9_OS_RELEASE, make_facts, package
from tests.kit import MIRROR_KEY, check_findings


def _findings(facts, plan, allowed=()):
    return check_findings(TARGET_CHECKS, facts, key=MIRROR_KEY, plan=plan, allow=tuple(allowed))


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

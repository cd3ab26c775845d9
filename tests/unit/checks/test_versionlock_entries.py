from migrate.checks import HOST_CHECKS
from migrate.checks.base import CheckInput
from migrate.checks.versionlock_entries import VersionlockEntries
from migrate.facts.model import DnfConfig
from tests.factories import make_facts, situation
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_versionlock_warns():
    facts = make_facts(dnf_config=DnfConfig(excludes=("kernel*",), versionlock=("nginx-1:1.20.1-14.el9.*",),
                                            versionlock_enabled=True))
    findings = _host(facts)
    assert findings["VERSIONLOCK_ENTRIES"]["data"]["entries"] == ["nginx-1:1.20.1-14.el9.*"]


def test_versionlock_finding_tells_whether_the_locks_hold():
    facts = make_facts(dnf_config=DnfConfig(versionlock=("bash-0:5.1.8-9.el9.*",), versionlock_enabled=True))
    for ignore, words in ((False, "held back"), (True, "--ignore-versionlock")):
        _, source, target, options = situation(facts, ignore_versionlock=ignore)
        problem = VersionlockEntries().evaluate(facts, CheckInput(source, target, options))
        assert words in problem.detail and problem.data["honoured"] is (not ignore)

from migrate.checks import HOST_CHECKS
from migrate.facts.model import DnfConfig
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_versionlock_and_excludes_warn():
    facts = make_facts(dnf_config=DnfConfig(excludes=("kernel*",), versionlock=("nginx-1:1.20.1-14.el9.*",),
                                            versionlock_enabled=True))
    findings = _host(facts)
    assert findings["VERSIONLOCK_ENTRIES"]["data"]["entries"] == ["nginx-1:1.20.1-14.el9.*"]
    assert findings["DNF_EXCLUDES"]["data"] == {"excludes": ["kernel*"]}

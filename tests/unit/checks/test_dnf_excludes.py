from migrate.checks import HOST_CHECKS
from migrate.facts.model import DnfConfig
from tests.factories import make_facts
from tests.kit import check_findings


def test_excludes_warn():
    facts = make_facts(dnf_config=DnfConfig(excludes=("kernel*",), versionlock=("nginx-1:1.20.1-14.el9.*",),
                                            versionlock_enabled=True))
    assert check_findings(HOST_CHECKS, facts)["DNF_EXCLUDES"]["data"] == {"excludes": ["kernel*"]}
    assert "DNF_EXCLUDES" not in check_findings(HOST_CHECKS, make_facts(dnf_config=DnfConfig()))

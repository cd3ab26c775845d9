from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from migrate.checks.root_path_escapes import escape_finding
from tests.factories import make_facts
from tests.kit import check_findings

ESCAPES = (("/var/lib/rpm", "/srv/host-rpmdb"), ("/etc/dnf/modules.d", "/etc/dnf/modules.d"))


def test_a_link_out_of_the_root_blocks_naming_both_ends():
    facts = make_facts(root_path="/images/rocky9", is_live=False, is_superuser=None, escaping_paths=ESCAPES)
    finding = check_findings(HOST_CHECKS, facts)["ROOT_PATH_ESCAPES"]
    assert finding["severity"] == BLOCKER and not finding["overridable"]
    assert finding["detail"] == ("/var/lib/rpm leads to /srv/host-rpmdb; /etc/dnf/modules.d leads to "
                                 "/etc/dnf/modules.d: rpm and dnf would follow it out of the root")
    assert finding["data"] == {"paths": [{"path": "/var/lib/rpm", "leads_to": "/srv/host-rpmdb"},
                                         {"path": "/etc/dnf/modules.d", "leads_to": "/etc/dnf/modules.d"}]}


def test_a_root_whose_paths_stay_inside_says_nothing():
    facts = make_facts(root_path="/images/rocky9", is_live=False, is_superuser=None)
    assert "ROOT_PATH_ESCAPES" not in check_findings(HOST_CHECKS, facts)
    assert escape_finding(facts) is None


def test_commands_outside_preflight_raise_the_same_finding():
    facts = make_facts(root_path="/images/rocky9", is_live=False, escaping_paths=ESCAPES[:1])
    finding = escape_finding(facts)
    assert finding["id"] == "ROOT_PATH_ESCAPES" and finding["severity"] == BLOCKER
    assert finding["detail"].startswith("/var/lib/rpm leads to /srv/host-rpmdb")
    assert finding["overridable"] is False and finding["overridden"] is False

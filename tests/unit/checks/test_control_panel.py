from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER, WARNING
from migrate.facts.model import Panel
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_panels_warn_and_old_plesk_blocks():
    cpanel = _host(make_facts(panels=(Panel("cPanel", "11.118.0.12"), Panel("DirectAdmin", ""))))["CONTROL_PANEL"]
    assert cpanel["severity"] == WARNING and "DirectAdmin (version unknown)" in cpanel["detail"]
    old = _host(make_facts(panels=(Panel("Plesk", "17.8.11", "18.0.35"),)))["CONTROL_PANEL"]
    assert old["severity"] == BLOCKER and "17.8.11" in old["detail"]
    assert _host(make_facts(panels=(Panel("Plesk", "18.0.58", "18.0.35"),)))["CONTROL_PANEL"]["severity"] == WARNING

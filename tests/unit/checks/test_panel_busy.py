from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from migrate.facts.model import Panel
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_a_running_panel_updater_blocks():
    from migrate.facts.panels import busy_processes
    lines = ["/usr/local/cpanel/3rdparty/bin/perl /usr/local/cpanel/scripts/upcp --cron",
             "/usr/local/cpanel/scripts/upcp",
             "vim /usr/local/cpanel/scripts/upcp.notes", "sshd: root@pts/0"]
    busy = busy_processes(lines, ["/usr/local/cpanel/scripts/upcp", "/usr/local/cpanel/bin/backup"])
    assert busy == tuple(sorted(lines[:2]))
    finding = _host(make_facts(panels=(Panel("cPanel", "11.118.0.12", "", (), busy),)))["PANEL_BUSY"]
    assert finding["severity"] == BLOCKER and "upcp" in finding["detail"]
    assert "PANEL_BUSY" not in _host(make_facts(panels=(Panel("cPanel", "11.118.0.12", "", (), ()),)))

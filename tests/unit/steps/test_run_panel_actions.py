"""RUN_PANEL_ACTIONS only records the panels' repair commands for `verify --boot` to run after
the reboot (migrate.verify.panels runs them)."""
import json
import os

from migrate.facts.model import Panel
from migrate.layout import PANEL_ACTIONS
from migrate.root import Root
from migrate.steps.base import NOT_APPLICABLE
from migrate.steps.run_panel_actions import RunPanelActions, pending_actions, save_pending
from tests.factories import make_facts
from tests.kit import FakeRunner, make_ctx

UPCP = ("/usr/local/cpanel/scripts/upcp", "--force")
CHECK = ("/usr/local/cpanel/scripts/check_cpanel_pkgs", "--fix")


def test_the_commands_are_recorded_and_none_is_run(tmp_path):
    root = Root(str(tmp_path))
    runner = FakeRunner()  # refuses every command
    facts = make_facts(panels=(Panel("cPanel", "11.118.0.12", post_convert=(UPCP, CHECK)),
                               Panel("DirectAdmin", "1.65")))
    detail = RunPanelActions().apply(make_ctx(root, runner, facts))
    assert detail == ("deferred to `almalinux-migrate verify --boot` after the reboot: "
                      "cPanel: /usr/local/cpanel/scripts/upcp --force; "
                      "cPanel: /usr/local/cpanel/scripts/check_cpanel_pkgs --fix")
    assert pending_actions(root) == [{"panel": "cPanel", "argv": list(UPCP)}, {"panel": "cPanel", "argv": list(CHECK)}]
    assert oct(os.stat(root.join(PANEL_ACTIONS)).st_mode & 0o777) == "0o600"
    assert runner.calls == []


def test_no_panel_with_repairs_skips_the_step(tmp_path):
    root = Root(str(tmp_path))
    for panels in ((), (Panel("DirectAdmin", "1.65"),)):
        assert RunPanelActions().skip_reason(make_ctx(root, facts=make_facts(panels=panels))) == NOT_APPLICABLE


def test_nothing_left_removes_the_file_and_a_damaged_one_reads_as_nothing(tmp_path):
    root = Root(str(tmp_path))
    save_pending(root, [{"panel": "Plesk", "argv": ["/usr/sbin/plesk", "repair"]}])
    save_pending(root, [])
    assert not root.exists(PANEL_ACTIONS) and pending_actions(root) == []
    root.write_text(PANEL_ACTIONS, "{not json")
    assert pending_actions(root) == []
    root.write_text(PANEL_ACTIONS, json.dumps([{"panel": "Plesk"}, "x", {"panel": "cPanel", "argv": ["/x"]}]))
    assert pending_actions(root) == [{"panel": "cPanel", "argv": ["/x"]}]

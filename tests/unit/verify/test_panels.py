"""`verify --boot` runs the panels' pending repair commands, each with a timeout; what failed stays."""
from migrate.root import Root
from migrate.runner import TIMED_OUT
from migrate.steps.run_panel_actions import pending_actions, save_pending
from migrate.verify.panels import run_panel_actions
from tests.kit import FakeRunner, make_ctx

UPCP = ("/usr/local/cpanel/scripts/upcp", "--force")
CHECK = ("/usr/local/cpanel/scripts/check", "--fix")
PLESK = ("/usr/sbin/plesk", "repair")


def _chrooted(root, answers):
    """The kit's runner answering these panel commands as run under --root: nothing else."""
    return FakeRunner(dict((("chroot", root.path) + argv, answer) for argv, answer in answers.items()))


def test_pending_panel_actions_run_with_a_timeout_and_failures_stay(tmp_path):
    root = Root(str(tmp_path))
    for tool in ("upcp", "check"):
        root.write_text("/usr/local/cpanel/scripts/" + tool, "#!/bin/sh\n")
    save_pending(root, [{"panel": "cPanel", "argv": ["/usr/local/cpanel/scripts/upcp", "--force"]},
                        {"panel": "cPanel", "argv": ["/usr/local/cpanel/scripts/check", "--fix"]},
                        {"panel": "Plesk", "argv": ["/usr/sbin/plesk", "repair"]}])
    runner = _chrooted(root, {UPCP: (TIMED_OUT, ""), CHECK: ""})
    ctx = make_ctx(root, runner)
    findings = run_panel_actions(ctx, timeout=60)
    assert [f["id"] for f in findings] == ["PANEL_ACTIONS_FAILED"]
    outcomes = findings[0]["data"]["outcomes"]
    assert outcomes == ["cPanel: /usr/local/cpanel/scripts/upcp --force: FAILED (timed out after 60s)",
                        "cPanel: /usr/local/cpanel/scripts/check --fix: ok",
                        "Plesk: /usr/sbin/plesk repair: missing"]
    assert [c[:2] for c in runner.calls] == [["chroot", str(tmp_path)]] * 2  # --root: chrooted
    assert all(k["timeout"] == 60 for k in runner.kwargs)
    assert ctx.ui.told("progress")[-1][:3] == ("PANEL_ACTIONS", 3, 3)
    assert [a["argv"][0] for a in pending_actions(root)] == ["/usr/local/cpanel/scripts/upcp", "/usr/sbin/plesk"]
    ctx2 = make_ctx(root, _chrooted(root, {UPCP: "", PLESK: ""}))
    root.write_text("/usr/sbin/plesk", "#!/bin/sh\n")
    assert [f["id"] for f in run_panel_actions(ctx2)] == ["PANEL_ACTIONS_DONE"]
    assert pending_actions(root) == [] and run_panel_actions(ctx2) == []

"""rollback: undo a conversion that stopped before the point of no return, from its journal and
saved keys alone (no network), or refuse one that passed it."""
import os

from migrate.commands import rollback
from migrate.errors import EXIT_BLOCKED, EXIT_OK
from migrate.journal import Journal
from migrate.root import Root
from migrate.steps.resume_unit import UNIT_PATH
from tests.kit import make_command_ctx, stopped_conversion


def test_a_run_stopped_before_the_point_of_no_return_is_undone(tmp_path):
    root, key_file = stopped_conversion(tmp_path)
    ctx = make_command_ctx(root)
    report, code = rollback.run(ctx)
    assert (code, report["status"], report["message"]) == (EXIT_OK, "rolled_back", "Every change was undone.")
    assert not root.exists(UNIT_PATH) and not root.exists("/etc/systemd")
    assert not os.path.exists(key_file)
    states = dict((s["id"], s["outcome"]) for s in report["steps"])
    assert (states["SAVE_TARGET_KEY"], states["INSTALL_RESUME_UNIT"], states["DISTRO_SYNC"]) == (
        "undone", "undone", "pending")
    assert Journal.load(root).data["state"] == "rolled_back"
    assert ctx.options.resume_on_boot is True  # the journal's options, not this command line's
    assert [c[0] for c in ctx.runner.calls] == ["df", "rpm"]  # facts.collect's tools; no network


def test_a_run_past_the_point_of_no_return_is_refused(tmp_path):
    root, _ = stopped_conversion(tmp_path)
    journal = Journal.load(root)
    journal.data["point_of_no_return_passed"] = True
    journal.save()
    report, code = rollback.run(make_command_ctx(root))
    assert (code, report["status"]) == (EXIT_BLOCKED, "blocked")
    assert [f["id"] for f in report["findings"]] == ["PAST_POINT_OF_NO_RETURN"]
    assert root.exists(UNIT_PATH) and Journal.load(root).data["state"] == "failed"


def test_nothing_to_roll_back_is_blocked(tmp_path):
    report, code = rollback.run(make_command_ctx(Root(str(tmp_path))))
    assert (code, report["status"], [f["id"] for f in report["findings"]]) == (
        EXIT_BLOCKED, "blocked", ["NO_CONVERSION_IN_PROGRESS"])
    assert report["findings"][0]["title"] == "There is no conversion to rollback"

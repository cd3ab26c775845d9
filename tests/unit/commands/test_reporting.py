"""Every command's report is built in one place from its context and the journal."""
from migrate.commands.reporting import report_for, steps_from_journal
from migrate.journal import Journal
from migrate.root import Root
from migrate.statuses import Status
from tests.kit import make_ctx
from tests.schema import assert_valid_report


def test_steps_come_from_the_journal_with_empty_details_as_none(tmp_path):
    journal = Journal.start(Root(str(tmp_path)), "run-1", {}, {}, {}, ["BACKUP_FILES", "DISTRO_SYNC"])
    journal.data["steps"][0].update(state="done", started="t0", finished="t1", detail="12 files")
    assert steps_from_journal(journal) == [
        {"id": "BACKUP_FILES", "outcome": "done", "started": "t0", "finished": "t1", "detail": "12 files"},
        {"id": "DISTRO_SYNC", "outcome": "pending", "started": None, "finished": None, "detail": None}]
    assert steps_from_journal(None) == []


def test_a_report_without_a_journal_names_source_target_and_root(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    report, code = report_for(ctx, "preflight", Status.READY, [])
    assert_valid_report(report)
    assert code == 0 and (report["command"], report["status"], report["root"]) == (
        "preflight", "ready", str(tmp_path))
    assert (report["source"]["profile"], report["target"]["major"]) == ("rocky", 9)
    assert report["started"] is None and report["finished"] and report["config_files"] == []


def test_a_report_with_a_journal_carries_its_start_and_config_files(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    journal = Journal.start(ctx.root, "run-1", {}, {}, {}, ["BACKUP_FILES"])
    journal.data["config_files"] = [{"path": "/etc/dnf/dnf.conf.rpmnew", "kind": "rpmnew"}]
    report, _ = report_for(ctx, "convert", Status.CONVERTED, [], journal=journal)
    assert_valid_report(report)
    assert report["started"] == journal.data["started"] and [s["id"] for s in report["steps"]] == ["BACKUP_FILES"]
    assert report["config_files"] == [{"path": "/etc/dnf/dnf.conf.rpmnew", "kind": "rpmnew"}]
    report, _ = report_for(ctx, "verify", Status.CONVERTED, [], journal=journal, config_files=[])
    assert report["config_files"] == []  # the command's own list wins


def test_the_exit_code_comes_from_the_table_for_command_and_status(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    ctx.run_id, ctx.hostname = "run", "host"
    for command, status, code in (("verify", Status.FAILED, 3), ("resume", Status.FAILED, 5),
                                  ("rollback", Status.ROLLED_BACK, 0), ("convert", Status.ROLLED_BACK, 4)):
        report, exit_code = report_for(ctx, command, status, [])
        assert (exit_code, report["exit_code"], report["status"]) == (code, code, status)
        assert assert_valid_report(report)["source"]["id"] == "rocky"

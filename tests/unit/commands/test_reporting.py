from migrate.commands.reporting import report_for
from migrate.root import Root
from migrate.statuses import Status
from tests.kit import make_ctx
from tests.schema import assert_valid_report


def test_the_exit_code_comes_from_the_table_for_command_and_status(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    ctx.run_id, ctx.hostname = "run", "host"
    for command, status, code in (("verify", Status.FAILED, 3), ("resume", Status.FAILED, 5),
                                  ("rollback", Status.ROLLED_BACK, 0), ("convert", Status.ROLLED_BACK, 4)):
        report, exit_code = report_for(ctx, command, status, [])
        assert (exit_code, report["exit_code"], report["status"]) == (code, code, status)
        assert assert_valid_report(report)["source"]["id"] == "rocky"

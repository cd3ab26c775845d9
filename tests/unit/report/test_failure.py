"""The report of a run that stopped on an error before its command could make one."""
from migrate.errors import EXIT_BLOCKED, EXIT_BUG, EXIT_LOCKED, EXIT_USAGE, Blocked, Locked, UsageError
from migrate.report.failure import add_write_failures, error_report
from migrate.root import Root
from tests.kit import make_ctx
from tests.schema import assert_valid_report


def test_a_known_error_names_its_cause_and_what_to_do():
    report = assert_valid_report(error_report("convert", UsageError("x"), "--mirror is not a URL", EXIT_USAGE,
                                              root_path="/images/rocky9"))
    assert (report["status"], report["exit_code"], report["root"]) == ("error", EXIT_USAGE, "/images/rocky9")
    assert [(f["id"], f["severity"], f["detail"]) for f in report["findings"]] == [
        ("USAGE_ERROR", "blocker", "--mirror is not a URL")]
    assert report["message"] == "--mirror is not a URL"
    assert report["findings"][0]["remediation"] == "Correct the command (see --help) and run it again."


def test_exit_3_is_blocked_and_a_held_lock_is_locked():
    assert error_report("resume", Blocked("x"), "cannot", EXIT_BLOCKED)["status"] == "blocked"
    report = error_report("convert", Locked("x"), "held by pid 42", EXIT_LOCKED)
    assert report["status"] == "error" and report["findings"][0]["id"] == "LOCKED"


def test_an_unknown_exception_is_a_bug_only_with_exit_1():
    assert error_report("preflight", KeyError("plan"), "KeyError: 'plan'", EXIT_BUG)["findings"][0]["id"] == (
        "INTERNAL_ERROR")
    stopped = error_report("preflight", RuntimeError("x"), "stopped", EXIT_USAGE)["findings"][0]
    assert (stopped["id"], stopped["title"]) == ("ERROR", "The run stopped")


def test_the_context_gives_run_id_and_host_name(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    ctx.run_id, ctx.hostname = "0123abcd", "db7.example.org"
    report = assert_valid_report(error_report("convert", UsageError("x"), "bad", EXIT_USAGE, root_path="/", context=ctx))
    assert (report["run_id"], report["hostname"]) == ("0123abcd", "db7.example.org")
    assert error_report("convert", UsageError("x"), "bad", EXIT_USAGE)["run_id"] is None


def test_write_failures_add_one_warning_each():
    report = error_report("convert", UsageError("x"), "bad", EXIT_USAGE, root_path="/")
    add_write_failures(report, "/var/log/events.jsonl: No space left on device", None)
    add_write_failures(report, None, "/var/log/almalinux-migrate.log: Input/output error")
    added = [(f["id"], f["severity"], f["detail"]) for f in report["findings"][1:]]
    assert added == [("EVENTS_INCOMPLETE", "warning", "Writing it failed: /var/log/events.jsonl: No space left on device."),
                     ("LOG_INCOMPLETE", "warning", "Writing it failed: /var/log/almalinux-migrate.log: Input/output error.")]
    assert_valid_report(report)

"""Errors at the edge: one line on the screen (the traceback only in the log), one JSON document
with `--output json`, the contract's exit code."""
import json
import os
import platform
import subprocess
import sys

import click
import pytest
import typer
from typer.testing import CliRunner

from migrate import __version__, cli
from migrate.errors import EXIT_ROLLED_BACK, EXIT_USAGE, Locked, UsageError
from migrate.interrupts import Interrupted
from migrate.layout import LOG_FILE
from tests.schema import assert_valid_report


def _run(tmp_path, capsys, output, exc):
    g = cli.Globals(str(tmp_path), None, output, 0)
    g.log_path = cli.setup_logging(cli.Root(str(tmp_path)), 0, "20261206T000000Z-preflight-test")

    def body():
        raise exc

    with pytest.raises(typer.Exit) as ended:
        cli._guarded(g, "preflight", body)
    captured = capsys.readouterr()
    return ended.value.exit_code, captured.out, captured.err


def test_an_internal_error_is_one_line_on_screen_and_a_traceback_in_the_log(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "json", RuntimeError("boom"))
    assert code == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert str(tmp_path / LOG_FILE.lstrip("/")) in err
    report = assert_valid_report(json.loads(out))
    assert report["status"] == "error" and report["findings"][0]["id"] == "INTERNAL_ERROR"
    assert "Traceback" in (tmp_path / LOG_FILE.lstrip("/")).read_text()


def test_a_held_lock_is_exit_7_with_a_document(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "json", Locked("Another almalinux-migrate run holds it"))
    assert code == 7
    report = assert_valid_report(json.loads(out))
    assert (report["status"], report["exit_code"], report["findings"][0]["id"]) == ("error", 7, "LOCKED")


def _guarded_json(g, command, body, capsys):
    with pytest.raises(typer.Exit) as ended:
        cli._guarded(g, command, body)
    captured = capsys.readouterr()
    return ended.value.exit_code, json.loads(captured.out), captured.err


def test_a_root_that_is_no_directory_is_a_usage_error(tmp_path, capsys):
    g = cli.Globals(str(tmp_path / "missing"), None, "json", 0)
    code, report, err = _guarded_json(g, "status", lambda: cli._make_context(g, None, reads_only=True), capsys)
    assert code == EXIT_USAGE and "is not a directory" in err
    assert (report["status"], report["root"], report["findings"][0]["id"]) == (
        "error", str(tmp_path / "missing"), "USAGE_ERROR")
    assert_valid_report(report)


def test_events_on_stdout_and_a_json_document_are_refused_together(tmp_path, capsys):
    g = cli.Globals(str(tmp_path), None, "json", 0)
    code, report, _ = _guarded_json(g, "preflight", lambda: cli._make_context(g, "-", command="preflight"), capsys)
    assert code == EXIT_USAGE
    assert report["findings"][0]["detail"] == "--events - and --output json both want stdout; give --events a file"


def test_a_command_line_click_refuses_still_gets_its_document(capsys):
    argv = ["--root", "/srv/images/rocky9", "--output", "json", "convert", "--frobnicate"]
    code = cli._click_failure(click.exceptions.NoSuchOption("--frobnicate"), argv,
                              UsageError("No such option: --frobnicate"))
    captured = capsys.readouterr()
    report = assert_valid_report(json.loads(captured.out))
    assert code == EXIT_USAGE and "--frobnicate" in captured.err
    assert (report["command"], report["root"], report["findings"][0]["id"]) == (
        "convert", "/srv/images/rocky9", "USAGE_ERROR")


def test_ctrl_c_at_a_prompt_is_exit_4_nothing_changed(capsys):
    code = cli._click_failure(None, ["--output=json", "rollback"], Interrupted("SIGINT"),
                              "Stopped by SIGINT; nothing was changed.")
    report = json.loads(capsys.readouterr().out)
    assert code == EXIT_ROLLED_BACK and report["findings"][0]["id"] == "INTERRUPTED"
    assert (report["command"], report["root"], report["message"]) == (
        "rollback", "/", "Stopped by SIGINT; nothing was changed.")


def test_a_text_run_prints_no_document(capsys):
    assert cli._click_failure(click.exceptions.NoSuchOption("--x"), ["status", "--x"], UsageError("x")) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == "" and "--x" in captured.err


def test_version_and_profiles_need_no_root():
    runner = CliRunner()
    version = runner.invoke(cli.app, ["--version"])
    assert (version.exit_code, version.output) == (0, "almalinux-migrate %s\n" % __version__)
    listed = runner.invoke(cli.app, ["--output", "json", "profiles"])
    document = json.loads(listed.output)
    assert listed.exit_code == 0 and "rocky" in [s["id"] for s in document["sources"]]
    assert [t["major"] for t in document["targets"]] == [8, 9, 10]


@pytest.mark.parametrize("argv", [["--output", "json", "--version"], ["--version", "--output=json"]])
def test_version_under_output_json_is_one_document(argv):
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    done = subprocess.run([sys.executable, "-m", "migrate"] + argv, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, cwd=repo)
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == {"tool": {"name": "almalinux-migrate", "version": __version__,
                                                "python": platform.python_version()}}

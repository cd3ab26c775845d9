"""Errors at the edge: one line on the screen (the traceback only in the log), one JSON document
with `--output json`, the contract's exit code."""
import json

import pytest
import typer

from migrate import cli
from migrate.errors import Locked
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

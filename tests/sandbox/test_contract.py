"""Clauses of the contract (docs/ and the README's "Command line", "Events", "The report
document") that no other sandbox test pins: one test per clause, named after it, with the real
CLI on the shared sandbox world."""
import http.server
import json
import os
import re
import signal
import socketserver
import subprocess
import sys
import threading
import urllib.request

import pytest

from migrate import __version__
from tests.sandbox.cli import REPO, diff_snapshots, read_events, run_cli, snapshot
from tests.schema import assert_valid_report

# ISO 8601 in UTC: 2026-12-06T07:59:24.839Z (or +00:00)
UTC_TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)$")
# event kind -> the fields the contract names for it
EVENT_FIELDS = {
    "run_started": ("run_id", "hostname", "version", "command"),
    "step_started": ("step", "title", "index", "total"),
    "step_finished": ("step", "title", "index", "total", "outcome"),
    "progress": ("step", "done", "total", "unit"),
    "run_finished": ("status", "exit_code"),
}


def _preflight(world, mirror, root, config, *extra, **kwargs):
    return run_cli(root, "preflight", "--mirror", world.mirror_url(mirror), *extra, config=config, **kwargs)


def _missing_fields(records):
    return [(e["event"], f) for e in records for f in EVENT_FIELDS.get(e["event"], ()) if f not in e]


def test_no_command_under_output_json_is_a_usage_error_with_one_document(rocky9_root):
    result = run_cli(rocky9_root)
    assert result.returncode == 2, result
    report = assert_valid_report(result.document)
    assert (report["status"], report["command"], report["exit_code"]) == ("error", None, 2)
    assert [f["id"] for f in report["findings"]] == ["USAGE_ERROR"]


@pytest.mark.parametrize("command", ["resume", "rollback"])
def test_resume_and_rollback_with_no_conversion_in_progress_exit_3_and_change_nothing(command, rocky9_root):
    before = snapshot(rocky9_root)
    result = run_cli(rocky9_root, command, "--yes")
    assert result.returncode == 3, result
    report = assert_valid_report(result.document)
    assert (report["status"], report["command"]) == ("blocked", command)
    assert [f["id"] for f in report["findings"]] == ["NO_CONVERSION_IN_PROGRESS"]
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_status_prints_the_journal_with_its_schema_version(world, mirror, rocky9_root, trust_config):
    none = run_cli(rocky9_root, "status")
    assert none.returncode == 0, none
    assert (none.document["schema"], none.document["state"]) == ("almalinux-migrate/journal/2", "none")
    converted = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert converted.returncode == 0, converted
    status = run_cli(rocky9_root, "status")
    assert status.returncode == 0, status
    journal = status.document
    assert (journal["schema"], journal["state"], journal["tool_version"]) == ("almalinux-migrate/journal/2", "done",
                                                                             __version__)
    assert journal["run_id"] == converted.document["run_id"]
    assert journal["point_of_no_return_passed"] is True
    assert [s["id"] for s in journal["steps"]] == [s["id"] for s in converted.document["steps"]]


def test_events_dash_writes_the_events_to_stdout(world, mirror, rocky9_root, trust_config):
    result = _preflight(world, mirror, rocky9_root, trust_config, "--events", "-", output="text")
    assert result.returncode == 0, result
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith('{"')]
    assert events[0]["event"] == "run_started" and events[-1]["event"] == "run_finished"
    assert (events[-1]["status"], events[-1]["exit_code"]) == ("ready", 0)
    assert "plan" in [e["event"] for e in events]


def test_events_file_is_appended_to_by_every_run(world, mirror, rocky9_root, trust_config, tmp_path):
    events = tmp_path / "events.jsonl"
    first = _preflight(world, mirror, rocky9_root, trust_config, "--events", events)
    second = _preflight(world, mirror, rocky9_root, trust_config, "--events", events)
    assert (first.returncode, second.returncode) == (0, 0), (first, second)
    started = [e["run_id"] for e in read_events(events) if e["event"] == "run_started"]
    assert started == [first.document["run_id"], second.document["run_id"]]


def test_preflight_events_carry_findings_plan_and_the_outcome(world, mirror, rocky9_root, trust_config, tmp_path):
    events = tmp_path / "events.jsonl"
    result = _preflight(world, mirror, rocky9_root, trust_config, "--events", events)
    report = assert_valid_report(result.document)
    records = read_events(events)
    assert all(UTC_TS.match(e["ts"]) for e in records), records
    found = [e["id"] for e in records if e["event"] == "finding"]
    assert found == [f["id"] for f in report["findings"]] and found
    assert [e["event"] for e in records].count("plan") == 1
    assert (records[-1]["event"], records[-1]["status"], records[-1]["exit_code"]) == ("run_finished", "ready", 0)


def test_every_conversion_event_has_a_utc_ts_and_the_fields_the_contract_names(world, mirror, rocky9_root,
                                                                               trust_config, tmp_path):
    (rocky9_root / "etc" / "hostname").write_text("panel-host-7\n")
    events = tmp_path / "events.jsonl"
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), "--events", events,
                     config=trust_config)
    assert result.returncode == 0, result
    records = read_events(events)
    kinds = set(e["event"] for e in records)
    assert kinds >= set(EVENT_FIELDS) | {"finding", "plan", "point_of_no_return"}, kinds
    assert all(UTC_TS.match(e["ts"]) for e in records)
    assert _missing_fields(records) == []
    assert records[0]["hostname"] == "panel-host-7"
    assert all(e["unit"] and isinstance(e["done"], int) for e in records if e["event"] == "progress")
    assert (records[-1]["status"], records[-1]["exit_code"]) == ("converted", 0)


def test_run_started_names_the_hostname_even_when_the_root_has_none(world, mirror, rocky9_root, trust_config,
                                                                    tmp_path):
    assert not (rocky9_root / "etc" / "hostname").exists()
    events = tmp_path / "events.jsonl"
    result = _preflight(world, mirror, rocky9_root, trust_config, "--events", events)
    assert result.document["hostname"] is None
    assert _missing_fields(read_events(events)) == []


def test_report_source_version_is_a_string_and_major_an_integer(world, mirror, rocky9_root, trust_config):
    source = assert_valid_report(_preflight(world, mirror, rocky9_root, trust_config).document)["source"]
    assert (source["id"], source["version"], source["major"], source["arch"]) == ("rocky", "9.4", 9, "x86_64")


def test_an_older_minor_target_is_planned_and_reported_as_that_version(world, mirror, rocky9_root, trust_config):
    result = _preflight(world, mirror, rocky9_root, trust_config, "--target", "9.4")
    assert result.returncode == 0, result
    target = assert_valid_report(result.document)["target"]
    assert (target["id"], target["version"], target["major"]) == ("almalinux", "9.4", 9)


def test_plan_lists_lateral_moves_beside_downgrades(world, mirror, rocky9_root, trust_config):
    plan = assert_valid_report(_preflight(world, mirror, rocky9_root, trust_config).document)["plan"]
    assert isinstance(plan["lateral"], list) and isinstance(plan["downgraded"], list)


def test_the_report_file_is_the_document_printed_and_the_log_names_findings_status_and_exit_code(
        world, mirror, rocky9_root, trust_config):
    result = _preflight(world, mirror, rocky9_root, trust_config)
    report = assert_valid_report(result.document)
    on_disk = json.loads((rocky9_root / "var" / "log" / "almalinux-migrate-report.json").read_text())
    assert on_disk == report
    log = (rocky9_root / "var" / "log" / "almalinux-migrate.log").read_text()
    assert all(f["id"] in log for f in report["findings"]) and report["findings"]
    assert "status ready, exit code 0" in log


def test_a_signal_once_the_document_is_printed_leaves_the_exit_code_as_the_document_says(
        world, mirror, rocky9_root, trust_config):
    """Past the printed document a signal is only noted: the process still exits with the code
    the document names (the interpreter's shutdown used to put SIG_DFL back and die of it)."""
    argv = [sys.executable, "-m", "migrate", "--root", str(rocky9_root), "--config", str(trust_config),
            "--output", "json", "preflight", "--mirror", world.mirror_url(mirror)]
    for _ in range(3):
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, universal_newlines=True,
                                cwd=REPO, env=dict(os.environ, PYTHONPATH=REPO))
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if line == "}\n":  # the document's last line (indent=2)
                proc.send_signal(signal.SIGTERM)
                break
        lines.extend(proc.stdout)
        assert proc.wait(timeout=120) == json.loads("".join(lines))["exit_code"] == 0


@pytest.mark.parametrize("name", ["/dev/stdout", "/proc/self/fd/1"])
def test_events_into_stdout_under_another_name_is_refused_with_output_json(name, rocky9_root, tmp_path):
    """stdout holds exactly one JSON document: events can go to stdout's pipe by no name."""
    result = run_cli(rocky9_root, "preflight", "--events", name)
    assert result.returncode == 2, result
    report = assert_valid_report(result.document)
    assert [f["id"] for f in report["findings"]] == ["USAGE_ERROR"] and name in report["message"]


class _StallingMirror(object):
    """Forwards to the sandbox mirror, but holds libdnf's first request for `stall` (a path
    suffix) until released: a signal then lands while librepo downloads repo metadata."""

    def __init__(self, upstream, stall):
        owner = self
        self.arrived, self.release = threading.Event(), threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format, *args):  # noqa: A002 (the stdlib's signature)
                pass

            def do_GET(self):  # noqa: N802 (the stdlib's name)
                if self.path.endswith(stall) and "libdnf" in (self.headers.get("User-Agent") or ""):
                    owner.arrived.set()
                    owner.release.wait(60)
                with urllib.request.urlopen(upstream + self.path, timeout=30) as answer:
                    body = answer.read()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever)
        self.thread.start()

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_while_repo_metadata_loads_stops_the_run_with_exit_4(name, world, mirror, rocky9_root, trust_config):
    stalling = _StallingMirror(world.mirror_url(mirror), "/9/extras/x86_64/os/repodata/repomd.xml")
    try:
        argv = [sys.executable, "-m", "migrate", "--root", str(rocky9_root), "--config", str(trust_config),
                "--output", "json", "preflight", "--mirror", stalling.url]
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                                cwd=REPO, env=dict(os.environ, PYTHONPATH=REPO))
        assert stalling.arrived.wait(120), "the run never asked for the stalled metadata"
        proc.send_signal(getattr(signal, name))
        threading.Timer(1.0, stalling.release.set).start()  # librepo may wait for the answer
        out, err = proc.communicate(timeout=120)
    finally:
        stalling.stop()
    report = assert_valid_report(json.loads(out))
    assert (proc.returncode, report["status"]) == (4, "error"), (proc.returncode, report["findings"], err)
    assert [f["id"] for f in report["findings"]] == ["INTERRUPTED"]

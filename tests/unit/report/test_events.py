"""--events FILE: whole JSON lines, credentials masked; a failed write stops the run before the
point of no return and only marks the file incomplete after it."""
import json
import os
import re

import pytest

from migrate.errors import EXIT_ROLLED_BACK, UsageError
from migrate.report.events import Events, EventsNotWritten

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def _lines(path):
    with open(str(path), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle.read().splitlines()]


def test_each_event_is_one_line_with_its_time_and_no_empty_fields(tmp_path):
    events = Events(str(tmp_path / "events.jsonl"))
    events.emit("step", step="DISTRO_SYNC", outcome="done", detail=None)
    events.emit("point_of_no_return")
    events.close()
    first, second = _lines(tmp_path / "events.jsonl")
    assert TIMESTAMP.match(first.pop("ts")) and TIMESTAMP.match(second.pop("ts"))
    assert first == {"event": "step", "step": "DISTRO_SYNC", "outcome": "done"}
    assert second == {"event": "point_of_no_return"}


def test_an_existing_file_is_appended_to(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text('{"event": "earlier"}\n')
    events = Events(str(path))
    events.emit("started")
    events.close()
    assert [e["event"] for e in _lines(path)] == ["earlier", "started"]


def test_credentials_in_a_field_are_masked(tmp_path):
    events = Events(str(tmp_path / "events.jsonl"))
    events.emit("mirror", url="https://user:s3cret@mirror.example.com/almalinux")
    events.close()
    assert _lines(tmp_path / "events.jsonl")[0]["url"] == "https://user:***@mirror.example.com/almalinux"


def test_without_a_file_nothing_is_written_and_nothing_fails():
    events = Events()
    events.emit("started", step="X")
    events.close()
    assert events.handle is None and events.error is None


def test_a_file_that_cannot_be_opened_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as err:
        Events(str(tmp_path / "no-such-dir" / "events.jsonl"))
    assert "cannot open --events" in err.value.message


def test_a_full_disk_stops_the_run_before_the_point_of_no_return():
    events = Events("/dev/full")
    with pytest.raises(EventsNotWritten) as err:
        events.emit("started")
    assert err.value.exit_code == EXIT_ROLLED_BACK
    assert "cannot write the events file /dev/full" in err.value.message
    assert events.handle is None  # nothing is written after a failure


def test_after_the_point_of_no_return_a_full_disk_is_only_recorded():
    events = Events("/dev/full")
    events.best_effort = True
    events.emit("step", step="DISTRO_SYNC")
    events.emit("step", step="REMOVE_DOWNLOADS")
    assert events.error.startswith("/dev/full: ") and events.handle is None


def test_a_reader_that_went_away_is_no_error():
    read_end, write_end = os.pipe()
    os.close(read_end)
    events = Events()
    events.path, events.handle = "-", os.fdopen(write_end, "w")
    events.emit("started")  # EPIPE: `almalinux-migrate ... --events - | head -1`
    assert events.error is None and events.handle is None

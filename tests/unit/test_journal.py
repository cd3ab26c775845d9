"""The journal refuses what it cannot read, and one lock, released by the kernel, guards a run."""
import json
import subprocess
import sys

import pytest

from migrate import __version__
from migrate import journal as J
from migrate.errors import Locked
from migrate.journal import JOURNAL, SCHEMA, CorruptJournal, Journal, JournalTooNew, Lock, journal_exists, lock_held
from migrate.layout import STATE_DIR
from migrate.root import Root
from tests.kit import write


def test_corrupted_journal_is_refused_not_guessed(tmp_path):
    root = Root(str(tmp_path))
    root.write_text(J.JOURNAL, "{not json")
    with pytest.raises(CorruptJournal) as err:
        Journal.load(root)
    assert "corrupted" in err.value.message
    assert journal_exists(root)


HOLD_LOCK = """
import fcntl, sys
handle = open(sys.argv[1], "a+")
fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


def test_second_lock_holder_gets_exit_7(tmp_path):
    root = Root(str(tmp_path))
    root.makedirs(STATE_DIR)
    assert not lock_held(root)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, root.join(J.LOCK)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, universal_newlines=True)
    try:
        assert holder.stdout.readline() == "held\n"
        assert lock_held(root)
        with pytest.raises(Locked) as err:
            Lock(root).acquire()
        assert err.value.exit_code == 7
    finally:
        holder.stdin.close()
        holder.wait()
    assert not lock_held(root)
    with Lock(root):
        with Lock(root):  # the same process nests
            assert lock_held(root)
        assert lock_held(root)
    assert not lock_held(root)


def test_a_journal_reads_back_as_written_with_credentials_masked(tmp_path):
    root = Root(str(tmp_path))
    Journal.start(root, "run-1", {"mirror": "https://user:s3cret@mirror.example.com/almalinux"}, {}, {}, ["A", "B"])
    loaded = Journal.load(root)
    assert loaded.data["run_id"] == "run-1" and loaded.data["state"] == "running"
    assert loaded.data["options"] == {"mirror": "https://user:***@mirror.example.com/almalinux"}
    assert [(s["id"], s["state"]) for s in loaded.data["steps"]] == [("A", J.PENDING), ("B", J.PENDING)]


def test_a_journal_lacking_fields_names_them(tmp_path):
    root = Root(str(tmp_path))
    root.write_text(J.JOURNAL, '{"schema": "%s", "state": "running", "steps": [{"id": "A"}]}' % J.SCHEMA)
    with pytest.raises(CorruptJournal) as err:
        Journal.load(root)
    assert "lacks run_id, started, finished, options, source, target" in err.value.message
    assert "steps[0].state, steps[0].started, steps[0].finished, steps[0].detail" in err.value.message
    assert Journal.load(Root(str(tmp_path / "none"))) is None


V1 = {"schema": "almalinux-migrate/journal/1", "run_id": "r", "state": "failed", "started": "s",
      "finished": None, "options": {}, "source": {}, "target": {}, "point_of_no_return_passed": True,
      "steps": [{"id": "DISTRO_SYNC", "state": "failed", "started": "s", "finished": "f", "detail": "x"}]}


def _load(tmp_path, data):
    root = Root(str(tmp_path))
    write(root, JOURNAL, json.dumps(data))
    return root, Journal.load(root)


def test_a_new_journal_names_its_schema_and_the_tool_that_wrote_it(tmp_path):
    root = Root(str(tmp_path))
    Journal.start(root, "run", {}, {}, {}, ["A"])
    data = json.loads(root.read_text(JOURNAL))
    assert (data["schema"], data["tool_version"]) == ("almalinux-migrate/journal/2", __version__)


def test_a_version_1_journal_is_migrated_in_memory_and_saved_as_this_schema(tmp_path):
    root, journal = _load(tmp_path, V1)
    assert journal.data == dict(V1, schema=SCHEMA, tool_version=None)
    journal.save()
    assert json.loads(root.read_text(JOURNAL))["tool_version"] == __version__


def test_a_journal_without_schema_is_version_1(tmp_path):
    data = dict(V1)
    del data["schema"]
    _, journal = _load(tmp_path, data)
    assert journal.data["schema"] == SCHEMA and journal.step("DISTRO_SYNC")["state"] == "failed"


def test_a_newer_schema_is_refused_naming_the_version_that_wrote_it(tmp_path):
    newer = dict(V1, schema="almalinux-migrate/journal/9", tool_version="9.1.0")
    with pytest.raises(JournalTooNew) as raised:
        _load(tmp_path, newer)
    assert raised.value.exit_code == 3
    assert "written by almalinux-migrate 9.1.0 (journal schema 9)" in raised.value.message
    assert "with almalinux-migrate 9.1.0 or later" in raised.value.message


def test_a_schema_of_another_tool_is_corrupt(tmp_path):
    with pytest.raises(CorruptJournal):
        _load(tmp_path, dict(V1, schema="someone-else/journal/1"))

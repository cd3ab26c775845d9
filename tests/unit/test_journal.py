import json

import pytest

from migrate import __version__
from migrate.journal import JOURNAL, SCHEMA, CorruptJournal, Journal, JournalTooNew
from migrate.root import Root
from tests.kit import write

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

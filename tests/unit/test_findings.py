"""migrate/findings.py: one registry for every finding ID. An ID raised anywhere in migrate/
that neither a check class (migrate.checks.ALL) nor RAISED declares fails here."""
import io
import json
import os
import re

import pytest

import migrate
from migrate.checks import ALL
from migrate.checks.base import Check, Problem, finding
from migrate.findings import BLOCKER, BY_ID, RAISED, WARNING, make_finding, raised_finding
from migrate.report.failure import CAUSES

ID = r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*"
RAISING = [
    r'(?:command_finding|raised_finding)\(\s*"(%s)"' % ID,  # a finding built with a literal ID
    r'MigrateError\(\s*"(%s):' % ID,  # a message that names its finding ID first
    r'finding_id\s*=\s*"(%s)"' % ID,  # an ID chosen before the finding is built
    r'finding_id\s*=.*\belse\s+"(%s)"' % ID,
    r'\(\s*"(%s)",\s*\w+_error\)' % ID,  # (ID, the error) pairs (report.failure)
]
CHECK_ID = r'^\s+id = "(%s)"' % ID


def _sources():
    top = os.path.dirname(migrate.__file__)
    for current, _, files in os.walk(top):
        for name in files:
            if name.endswith(".py"):
                with io.open(os.path.join(current, name), encoding="utf-8") as handle:
                    yield os.path.relpath(os.path.join(current, name), top), handle.read()


def raised_ids():
    """{ID: [files]} for every finding ID raised by literal anywhere in migrate/."""
    found = {}
    for path, text in _sources():
        for pattern in RAISING:
            for finding_id in re.findall(pattern, text, re.M):
                found.setdefault(finding_id, []).append(path)
    for finding_id in list(CAUSES.values()) + ["INTERNAL_ERROR", "ERROR"]:
        found.setdefault(finding_id, []).append("report/failure.py")
    return found


def test_every_finding_id_raised_in_migrate_is_declared_once():
    declared = set(c.id for c in ALL) | set(BY_ID)
    found = raised_ids()
    assert {"TRANSACTION_TEST_FAILED", "PANEL_ACTIONS_FAILED", "PANEL_ACTIONS_DONE", "EVENTS_INCOMPLETE",
            "PACKAGE_MANAGER_RUNNING", "NO_CONVERSION_IN_PROGRESS", "LOCKED"} <= set(found)  # the greps see
    assert dict((i, f) for i, f in found.items() if i not in declared) == {}


def test_every_check_class_is_in_the_check_registry():
    classes = set(i for path, text in _sources() if path.startswith("checks" + os.sep)
                  for i in re.findall(CHECK_ID, text, re.M))
    assert classes == set(c.id for c in ALL)


def test_raised_ids_are_unique_and_no_check_declares_one():
    ids = [r.id for r in RAISED]
    assert len(ids) == len(set(ids))
    assert set(ids) & set(c.id for c in ALL) == set()
    assert all(re.match("^%s$" % ID, i) and r.title and r.remediation and r.by for i, r in BY_ID.items())


def test_raised_finding_fills_the_declared_text_and_refuses_an_undeclared_id():
    finding = raised_finding("NO_CONVERSION_IN_PROGRESS", "No unfinished journal.", command="resume")
    assert finding == make_finding("NO_CONVERSION_IN_PROGRESS", BLOCKER, "There is no conversion to resume",
                                   "No unfinished journal.", BY_ID["NO_CONVERSION_IN_PROGRESS"].remediation)
    with_data = raised_finding("LOG_INCOMPLETE", "Writing it failed: full.", data={"a": 1})
    assert with_data["severity"] == WARNING and with_data["data"] == {"a": 1}
    assert list(with_data) == ["id", "severity", "title", "detail", "remediation", "overridable",
                               "overridden", "data"]
    with pytest.raises(KeyError):
        raised_finding("NOT_DECLARED", "detail")


def test_a_finding_serialises_to_exactly_the_reports_object_and_reads_as_attributes():
    item = make_finding("LOW_MEMORY", WARNING, "t", "d", "r", overridable=True)
    assert json.dumps(item, sort_keys=True) == json.dumps(
        {"id": "LOW_MEMORY", "severity": "warning", "title": "t", "detail": "d", "remediation": "r",
         "overridable": True, "overridden": False}, sort_keys=True)
    assert type(item.as_report()) is dict and item.as_report() == item
    assert (item.id, item.severity, item.data, item.blocking) == ("LOW_MEMORY", WARNING, None, False)


def test_an_unknown_severity_is_refused():
    with pytest.raises(ValueError):
        make_finding("X", "fatal", "t", "d", "r")


def test_a_check_finding_is_blocking_unless_allowed():
    class Held(Check):
        id, title, remediation, overridable = "HELD", "held", "fix", True

    blocked = finding(Held(), Problem("why", data={"k": 1}), allowed=set())
    allowed = finding(Held(), Problem("why"), allowed={"HELD"})
    assert (blocked.id, blocked.blocking, blocked.data) == ("HELD", True, {"k": 1})
    assert allowed.overridden and not allowed.blocking and "data" not in allowed

import json

import pytest

from migrate.checks.base import Check, Problem, command_finding, finding
from migrate.findings import BLOCKER, WARNING, Finding


def test_a_finding_serialises_to_exactly_the_reports_object():
    item = Finding("LOW_MEMORY", WARNING, "t", "d", "r", overridable=True)
    assert json.dumps(item, sort_keys=True) == json.dumps(
        {"id": "LOW_MEMORY", "severity": "warning", "title": "t", "detail": "d", "remediation": "r",
         "overridable": True, "overridden": False}, sort_keys=True)
    assert type(item.as_report()) is dict and item.as_report() == item


def test_data_is_present_only_when_there_is_some():
    assert "data" not in command_finding("X", "t", "d", "r", data={})
    assert command_finding("X", "t", "d", "r", data={"keys": ["k"]})["data"] == {"keys": ["k"]}


def test_an_unknown_severity_is_refused():
    with pytest.raises(ValueError):
        Finding("X", "fatal", "t", "d", "r")


def test_a_check_finding_is_typed_and_blocking_unless_allowed():
    class Held(Check):
        id, title, remediation, overridable = "HELD", "held", "fix", True

    blocked = finding(Held(), Problem("why"), allowed=set())
    allowed = finding(Held(), Problem("why"), allowed={"HELD"})
    assert (blocked.id, blocked.severity, blocked.blocking) == ("HELD", BLOCKER, True)
    assert allowed.overridden and not allowed.blocking

import json

import pytest
from jsonschema import ValidationError

from migrate.layout import REPORT_FILE
from migrate.plan.model import empty_plan
from migrate.report.document import build_report, empty_source, empty_target, write_report
from migrate.root import Root
from tests.schema import assert_valid_report


def _finding():
    return {"id": "UNSUPPORTED_SOURCE", "severity": "blocker", "title": "t", "detail": "d",
            "remediation": "r", "overridable": False, "overridden": False}


def test_blocked_report_is_valid_and_written_to_the_root(tmp_path):
    report = build_report("preflight", "blocked", empty_source(), empty_target(), [_finding()], exit_code=3)
    assert_valid_report(report)
    write_report(Root(str(tmp_path)), report)
    written = json.loads((tmp_path / REPORT_FILE.lstrip("/")).read_text())
    assert written["schema"] == "almalinux-migrate/report/1" and written["status"] == "blocked"


def test_plan_counts_are_included():
    plan = empty_plan()
    plan["downgraded"] = [{"name": "a", "from": "2-1", "to": "1-1"}]
    report = build_report("preflight", "ready", empty_source(), empty_target(), [], plan=plan)
    assert assert_valid_report(report)["plan"]["counts"]["downgraded"] == 1


def test_schema_rejects_an_unknown_status():
    report = build_report("preflight", "maybe", empty_source(), empty_target(), [])
    with pytest.raises(ValidationError):
        assert_valid_report(report)


def test_text_groups_findings_by_severity_worst_last():
    import io

    from migrate.report.text import render_findings, make_console

    findings = [dict(_finding(), id=i, severity=s) for i, s in
                (("B_ONE", "blocker"), ("I_ONE", "info"), ("W_ONE", "warning"), ("I_TWO", "info"))]
    stream = io.StringIO()
    render_findings(make_console(stream), findings)
    text = stream.getvalue()
    order = [text.index(i) for i in ("I_ONE", "I_TWO", "W_ONE", "B_ONE")]
    assert order == sorted(order)


def test_lateral_moves_are_their_own_plan_list_in_the_document_and_on_screen():
    import io

    from migrate.report.text import make_console, render_plan

    plan = empty_plan()
    plan["lateral"] = [{"name": "ima-evm-utils", "from": "1.5-3.el9.rocky.0.1", "to": "1.5-3.el9", "arch": "x86_64"}]
    report = assert_valid_report(build_report("preflight", "ready", empty_source(), empty_target(), [], plan=plan))
    assert report["plan"]["counts"]["lateral"] == 1 and report["plan"]["counts"]["downgraded"] == 0
    stream = io.StringIO()
    render_plan(make_console(stream), report["plan"])
    line = [row for row in stream.getvalue().splitlines() if "lateral" in row][0]
    assert "ima-evm-utils" in line


def test_schema_rejects_a_lateral_entry_without_its_versions():
    plan = empty_plan()
    plan["lateral"] = [{"name": "ima-evm-utils"}]
    with pytest.raises(ValidationError):
        assert_valid_report(build_report("preflight", "ready", empty_source(), empty_target(), [], plan=plan))

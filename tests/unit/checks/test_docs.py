"""docs/checks.md documents every check ID, and every ID is well formed and unique."""
import io
import os
import re

import pytest

from migrate.checks import ALL
from migrate.checks.docs import BEGIN, END, RAISED_BEGIN, RAISED_END, raised_table, regenerate, table
from migrate.findings import RAISED

DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs", "checks.md")


def read_doc():
    with io.open(DOC, encoding="utf-8") as handle:
        return handle.read()


def section(text, check_id):
    """The text of a check's section: from its heading to the next heading."""
    after = text.split("\n### %s\n" % check_id, 1)[1]
    return re.split(r"\n#{2,3} ", after, 1)[0]


def test_the_table_is_generated_from_the_registry():
    text = read_doc()
    assert regenerate(text) == text  # stale: run `python -m migrate.checks.docs`


def test_the_table_shows_each_checks_severity_phase_and_overrides():
    rows = table().splitlines()[2:]
    by_id = dict((c.id, c) for c in ALL)
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        check = by_id[re.match(r"\[`([A-Z0-9_]+)`\]", cells[0]).group(1)]
        assert re.split(r"[;( ]", cells[1])[0] == check.severity, check.id  # a note may follow
        assert cells[2:4] == [check.phase, "yes" if check.overridable else "no"]
        assert cells[4].split(" ")[0] == ("yes" if check.needs_live else "no"), check.id
    assert len(rows) == len(ALL)


def test_every_check_has_a_section_in_run_order_with_its_title_remediation_and_requirements():
    text = read_doc()
    headings = re.findall(r"^### ([A-Z][A-Z0-9_]*)$", text, re.M)
    ids = [c.id for c in ALL]
    assert [h for h in headings if h in ids] == ids
    for check in ALL:
        body = section(text, check.id)
        assert body.startswith("\n**%s**\n\n" % check.title), check.id
        assert "\n**Resolve:** %s\n" % check.remediation in body, check.id
        requires = re.findall(r"^Requires: ((?:`[A-Z0-9_]+`(?:, )?)+)\.", body, re.M)
        assert requires == ([", ".join("`%s`" % r for r in check.requires)] if check.requires else []), check.id


def test_regenerate_replaces_only_the_table():
    text = "prose\n%s\nold rows\n%s\nmore\n%s\nold\n%s\nprose\n" % (BEGIN, END, RAISED_BEGIN, RAISED_END)
    assert regenerate(text) == "prose\n%s\n%s\n%s\nmore\n%s\n%s\n%s\nprose\n" % (
        BEGIN, table(), END, RAISED_BEGIN, raised_table(), RAISED_END)
    with pytest.raises(ValueError):
        regenerate("no markers")


def test_ids_are_unique_upper_snake_with_text():
    ids = [c.id for c in ALL]
    assert len(ids) == len(set(ids))
    assert all(re.match(r"^[A-Z][A-Z0-9_]*$", i) for i in ids)
    assert all(c.title and c.remediation for c in ALL)


def test_requirements_name_earlier_checks():
    seen = set()
    for check in ALL:
        assert set(check.requires) <= seen, check.id
        seen.add(check.id)


def test_every_raised_finding_is_in_the_generated_table():
    """Findings raised outside the checks (migrate.findings.RAISED) are documented too."""
    text = read_doc()
    assert raised_table() in text
    assert all("| `%s` |" % r.id in text for r in RAISED)

"""docs/checks.md documents every check ID, and every ID is well formed and unique."""
import io
import os
import re

from migrate.checks import ALL

DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs", "checks.md")


def test_every_check_has_a_section_in_docs():
    with io.open(DOC, encoding="utf-8") as handle:
        text = handle.read()
    missing = [c.id for c in ALL if "### %s\n" % c.id not in text]
    assert missing == []
    stale = [c.id for c in ALL if c.title not in text or c.remediation not in text]
    assert stale == []  # the docs carry each check's title and remediation word for word


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


def test_every_command_finding_has_a_section_in_docs():
    """Findings raised by commands (command_finding("ID", ...)) are documented too."""
    top = os.path.join(os.path.dirname(DOC), "..", "migrate")
    ids = set()
    for current, _, files in [w for d in ("commands", "verify") for w in os.walk(os.path.join(top, d))]:
        for name in files:
            if name.endswith(".py"):
                with io.open(os.path.join(current, name), encoding="utf-8") as handle:
                    ids.update(re.findall(r'command_finding\(\s*"([A-Z][A-Z0-9_]*)"', handle.read()))
    with io.open(DOC, encoding="utf-8") as handle:
        text = handle.read()
    assert "UNTRUSTED_KEYS_IN_RPMDB" in ids and "PANEL_ACTIONS_FAILED" in ids
    assert sorted(i for i in ids if "### %s\n" % i not in text) == []

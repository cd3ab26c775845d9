"""docs/architecture.md's walk-throughs, run: the profile, the check and the step its snippets
add are taken from the document itself and put through the real loader, check runner and step
engine. A snippet that no longer works fails here, so the document cannot drift."""
import os
import re
import shutil

import pytest

from migrate import journal as J
from migrate.checks.base import CheckInput, run_checks
from migrate.errors import RolledBack
from migrate.facts.osrelease import collect_os_release
from migrate.journal import Journal
from migrate.profiles import PROFILES_DIR, load_profiles
from migrate.root import Root
from migrate.source import choose_target, identify_source
from migrate.steps import conversion_phases
from migrate.steps.base import Phase, Step
from migrate.steps.engine import run_steps
from tests.factories import make_facts, package, situation
from tests.kit import make_ctx, write

DOC = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "docs", "architecture.md")


def snippet(name):
    """The fenced block after `<!-- walkthrough: name -->` in docs/architecture.md."""
    with open(DOC, encoding="utf-8") as handle:
        (block,) = re.findall(r"^<!-- walkthrough: %s -->\n```\w*\n(.*?)^```$" % name, handle.read(), re.S | re.M)
    return block


def defined(name, snippet_name):
    """The class `name` that the document's Python snippet defines."""
    namespace = {}
    exec(compile(snippet(snippet_name), DOC, "exec"), namespace)
    return namespace[name]


def test_a_new_source_profile_is_loaded_and_recognised(tmp_path):
    profiles_dir = str(tmp_path / "profiles")
    shutil.copytree(PROFILES_DIR, profiles_dir)
    with open(os.path.join(profiles_dir, "sources", "examplelinux.toml"), "w", encoding="utf-8") as handle:
        handle.write(snippet("profile"))
    root = Root(str(tmp_path / "host"))
    write(root, "/etc/os-release", snippet("os-release"))
    profiles = load_profiles(profiles_dir)
    facts = make_facts(os_release=collect_os_release(root), redhat_release="")
    source = identify_source(facts, profiles)
    assert (source.profile.id, source.version, source.major) == ("examplelinux", "9.4", 9)
    assert source.profile.repo_map_for("x86_64")["crb"] == "crb"
    _, _, _, options = situation()
    assert choose_target(source, profiles, options).profile.id == "almalinux-9"
    assert "examplelinux" not in [p.id for p in load_profiles().sources]  # throwaway: the shipped set is untouched


def test_a_new_check_gives_its_finding():
    TelnetServer = defined("TelnetServer", "check")
    facts, source, target, options = situation(make_facts(packages=(package("bash"), package("telnet-server"))))
    given = CheckInput(source, target, options)
    (found,) = run_checks([TelnetServer()], facts, given, allowed=())
    assert found == {"id": "TELNET_SERVER", "severity": "warning", "title": "telnet-server is installed",
                     "detail": "telnet-server 1.0-1.el9 sends passwords in clear text",
                     "remediation": "Remove it (`dnf remove telnet-server`) and log in with ssh.",
                     "overridable": False, "overridden": False}
    assert run_checks([TelnetServer()], make_facts(), given, allowed=()) == []


class BreaksNext(Step):
    id = "BREAKS_NEXT"
    title = "Fail, so that the engine undoes what came before"

    def apply(self, ctx):
        raise RuntimeError("broken on purpose")


@pytest.fixture
def note_step():
    return defined("WriteExampleNote", "step")()


def test_a_new_step_is_journalled_done(tmp_path, note_step):
    root = Root(str(tmp_path))
    journal = Journal.start(root, "run", {}, {}, {}, [note_step.id])
    run_steps(make_ctx(root), [Phase("prepare", (note_step,), reversible=True)], journal)
    assert Journal.load(root).step(note_step.id)["state"] == J.DONE
    assert Journal.load(root).step(note_step.id)["detail"] == "/etc/almalinux-migrate-example.txt"
    assert root.read_text("/etc/almalinux-migrate-example.txt") == "a conversion is running\n"


def test_a_new_step_is_undone_when_a_later_one_fails(tmp_path, note_step):
    root = Root(str(tmp_path))
    journal = Journal.start(root, "run", {}, {}, {}, [note_step.id, BreaksNext.id])
    with pytest.raises(RolledBack):
        run_steps(make_ctx(root), [Phase("prepare", (note_step, BreaksNext()), reversible=True)], journal)
    saved = Journal.load(root)
    assert [saved.step(s)["state"] for s in (note_step.id, BreaksNext.id)] == [J.UNDONE, J.FAILED]
    assert saved.data["state"] == "rolled_back"
    assert not root.exists("/etc/almalinux-migrate-example.txt")


def test_the_phase_table_lists_the_phases_and_their_steps_in_run_order():
    with open(DOC, encoding="utf-8") as handle:
        section = handle.read().split("## The phases and the point of no return", 1)[1].split("\n## ", 1)[0]
    listed = [step or phase for step, phase in re.findall(r"^\| (?:`([A-Z_]+)`|\*\*([A-Z]+)\*\*) \|", section, re.M)]
    assert listed == [item for phase in conversion_phases()
                      for item in [phase.name.upper()] + [step.id for step in phase.steps]]

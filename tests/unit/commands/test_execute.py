"""The pure parts of running a conversion: which kernels are the kept fallback, and which
journal `resume` and `rollback` may take up."""
import pytest

from migrate import journal as J
from migrate.commands.execute import kernel_names, unfinished_journal
from migrate.errors import EXIT_BLOCKED
from migrate.journal import JOURNAL, CorruptJournal, Journal
from migrate.profiles import parse_profile
from migrate.root import Root
from tests.kit import make_ctx, write
from tests.schema import assert_valid_report

UEK_SOURCE = """
id = "uek"
name = "A source with its own kernel"
os_release_id = "uek"
majors = [9]
release_packages = ["uek-release"]
kernel_packages = ["kernel-uek-core"]
"""


def _ctx(tmp_path):
    return make_ctx(Root(str(tmp_path)))


def _journal(ctx, state):
    journal = Journal.start(ctx.root, "run-1", {}, {}, {}, ["BACKUP_FILES", "DISTRO_SYNC"])
    journal.data["state"] = state
    journal.save()
    return journal


def test_kernel_names_are_kernel_and_both_profiles_own(tmp_path):
    ctx = _ctx(tmp_path)
    assert kernel_names(ctx) == {"kernel", "kernel-core"}  # Rocky names none; AlmaLinux 9 kernel-core
    uek = parse_profile(UEK_SOURCE, "uek.toml", "source").for_major(9)
    ctx.source = ctx.source._replace(profile=uek)
    assert kernel_names(ctx) == {"kernel", "kernel-core", "kernel-uek-core"}


def test_kernel_names_of_an_unrecognised_source_are_the_targets(tmp_path):
    ctx = _ctx(tmp_path)
    ctx.source = ctx.source._replace(profile=None)
    assert kernel_names(ctx) == {"kernel", "kernel-core"}


def test_an_unfinished_journal_is_taken_up(tmp_path):
    ctx = _ctx(tmp_path)
    for state in J.UNFINISHED[:2]:  # running (killed), failed
        _journal(ctx, state)
        journal, report = unfinished_journal(ctx, "resume")
        assert report is None and journal.data["state"] == state and journal.data["run_id"] == "run-1"


def test_without_a_journal_there_is_nothing_to_resume(tmp_path):
    ctx = _ctx(tmp_path)
    journal, (report, code) = unfinished_journal(ctx, "resume")
    assert journal is None and code == EXIT_BLOCKED
    assert_valid_report(report)
    assert report["status"] == "blocked" and report["steps"] == []
    assert [(f["id"], f["title"]) for f in report["findings"]] == [
        ("NO_CONVERSION_IN_PROGRESS", "There is no conversion to resume")]


def test_a_finished_journal_is_no_conversion_in_progress(tmp_path):
    ctx = _ctx(tmp_path)
    _journal(ctx, "done")
    journal, (report, code) = unfinished_journal(ctx, "rollback")
    assert journal is None and report["findings"][0]["id"] == "NO_CONVERSION_IN_PROGRESS"
    assert [s["id"] for s in report["steps"]] == ["BACKUP_FILES", "DISTRO_SYNC"]  # the last run's


def test_an_unfinished_rollback_is_for_rollback_only(tmp_path):
    ctx = _ctx(tmp_path)
    _journal(ctx, "rollback_incomplete")
    journal, (report, code) = unfinished_journal(ctx, "resume")
    assert journal is None and code == EXIT_BLOCKED
    assert report["findings"][0]["id"] == "ROLLBACK_INCOMPLETE"
    journal, report = unfinished_journal(ctx, "rollback")
    assert report is None and journal.data["state"] == "rollback_incomplete"


def test_a_journal_of_another_tool_version_is_refused(tmp_path):
    ctx = _ctx(tmp_path)
    write(ctx.root, JOURNAL, '{"schema": "almalinux-migrate/journal/0", "steps": []}\n')
    with pytest.raises(CorruptJournal) as err:
        unfinished_journal(ctx, "resume")
    assert "not a journal of this tool version" in err.value.message

"""resume: take up an unfinished conversion with the journal's options, never beside another
package manager and never on an rpmdb that leads out of the root (the steps themselves: sandbox)."""
import os
import subprocess

import pytest

from migrate.commands import resume
from migrate.errors import EXIT_BLOCKED
from migrate.journal import Journal
from migrate.root import Root
from tests.kit import dead_pid, make_command_ctx, stopped_conversion

DNF_LOCK = "/var/lib/dnf/rpmdb_lock.pid"


def blocked_ids(report, code):
    assert (code, report["status"]) == (EXIT_BLOCKED, "blocked")
    return [f["id"] for f in report["findings"]]


@pytest.fixture
def dnf_elsewhere():
    """The PID of a running process, as another dnf writes it into its lock file."""
    proc = subprocess.Popen(["sleep", "60"])
    yield proc.pid
    proc.kill()
    proc.wait()


def test_nothing_to_resume_is_blocked(tmp_path):
    report, code = resume.run(make_command_ctx(Root(str(tmp_path))))
    assert blocked_ids(report, code) == ["NO_CONVERSION_IN_PROGRESS"]
    assert report["findings"][0]["title"] == "There is no conversion to resume"


def test_an_unfinished_rollback_is_for_rollback_to_finish(tmp_path):
    root, _ = stopped_conversion(tmp_path)
    journal = Journal.load(root)
    journal.data["state"] = "rollback_incomplete"
    journal.save()
    assert blocked_ids(*resume.run(make_command_ctx(root))) == ["ROLLBACK_INCOMPLETE"]


def test_another_package_manager_holding_its_lock_blocks_and_changes_nothing(tmp_path, dnf_elsewhere):
    root, _ = stopped_conversion(tmp_path)
    root.write_text(DNF_LOCK, "%d\n" % dnf_elsewhere)
    ctx = make_command_ctx(root)
    report, code = resume.run(ctx)
    assert blocked_ids(report, code) == ["PACKAGE_MANAGER_RUNNING"]
    assert report["findings"][0]["detail"] == "%s held by pid %d" % (DNF_LOCK, dnf_elsewhere)
    assert Journal.load(root).data["state"] == "failed" and ctx.runner.calls == []


def test_past_the_point_of_no_return_stale_locks_go_and_an_escaping_rpmdb_blocks(tmp_path):
    root, _ = stopped_conversion(tmp_path)
    journal = Journal.load(root)
    journal.data["point_of_no_return_passed"] = True
    journal.save()
    root.write_text(DNF_LOCK, "%d\n" % dead_pid())  # a killed transaction's
    outside = tmp_path / "host-rpmdb"
    outside.mkdir()
    root.makedirs("/var/lib")
    os.symlink(str(outside), root.join("/var/lib/rpm", follow=False))
    ctx = make_command_ctx(root)
    report, code = resume.run(ctx)
    assert blocked_ids(report, code) == ["ROOT_PATH_ESCAPES"]
    assert not root.exists(DNF_LOCK)
    assert ctx.options.resume_on_boot is True  # restored from the journal, its keys from the state dir
    assert [k.fingerprint for k in ctx.trusted_keys] == ["BF18AC2876178908D6E71267D36CB86CB86B3716"]
    assert Journal.load(root).data["state"] == "failed"  # not taken up

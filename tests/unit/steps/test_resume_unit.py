"""With --resume-on-boot a systemd unit finishes an interrupted conversion at the next boot; it
exists only while the conversion runs and leaves the root as it was."""
import os
import sys

from migrate.layout import JOURNAL
from migrate.root import Root
from migrate.steps.base import NOT_APPLICABLE
from migrate.steps.resume_unit import (INSTALLED_SCRIPT, UNIT_PATH, WANTS_LINK, InstallResumeUnit,
                                       RemoveResumeUnit, build_unit)
from tests.kit import make_ctx, write

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def test_the_unit_runs_the_packaged_launcher_when_the_host_has_it(tmp_path):
    root = Root(str(tmp_path))
    write(root, INSTALLED_SCRIPT, "#!/bin/sh\n")
    unit = build_unit(root)
    assert "\nExecStart=/usr/bin/almalinux-migrate resume --yes\n" in unit
    assert "\nConditionPathExists=%s\n" % JOURNAL in unit and "Environment=" not in unit


def test_without_the_launcher_the_unit_runs_this_interpreter_on_this_checkout(tmp_path):
    unit = build_unit(Root(str(tmp_path)))
    assert "\nEnvironment=PYTHONPATH=%s\nExecStart=%s -m migrate resume --yes\n" % (PROJECT, sys.executable) in unit


def test_only_with_resume_on_boot(tmp_path):
    root = Root(str(tmp_path))
    assert InstallResumeUnit().skip_reason(make_ctx(root)) == NOT_APPLICABLE
    assert RemoveResumeUnit().skip_reason(make_ctx(root)) == NOT_APPLICABLE
    assert InstallResumeUnit().skip_reason(make_ctx(root, resume_on_boot=True)) is None


def test_installed_enabled_and_removed_leaving_the_root_as_it_was(tmp_path):
    root = Root(str(tmp_path))
    root.makedirs("/etc/systemd")  # a minimal image: no /etc/systemd/system yet
    ctx = make_ctx(root, resume_on_boot=True)
    step = InstallResumeUnit()
    assert not step.is_done(ctx)
    assert step.apply(ctx) == UNIT_PATH
    assert os.readlink(root.join(WANTS_LINK, follow=False)) == UNIT_PATH
    assert root.read_text(UNIT_PATH) == build_unit(root)
    assert oct(os.stat(root.join(UNIT_PATH)).st_mode & 0o777) == "0o644"
    assert step.is_done(ctx)
    step.apply(ctx)  # again (a resumed run): the link exists, nothing fails
    RemoveResumeUnit().apply(ctx)
    assert os.listdir(root.join("/etc/systemd")) == []


def test_undo_removes_the_unit_too(tmp_path):
    root = Root(str(tmp_path))
    ctx = make_ctx(root, resume_on_boot=True)
    InstallResumeUnit().apply(ctx)
    InstallResumeUnit().undo(ctx)
    assert not root.exists(UNIT_PATH) and not root.exists("/etc/systemd")

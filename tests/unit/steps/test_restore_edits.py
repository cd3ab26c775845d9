"""The admin's /etc/issue edits and alternatives links restored after the sync."""
import os

from migrate.root import Root
from migrate.steps.restore_edits import RestoreEdits
from tests.kit import make_source_ctx, write


def test_edited_issue_and_dropped_alternatives_come_back(tmp_path):
    ctx = make_source_ctx(Root(str(tmp_path)))
    write(ctx.root, "/etc/issue", "AlmaLinux \\r\n")
    write(ctx.root, "/etc/issue.rpmsave", "Authorised use only\n")
    write(ctx.root, "/usr/bin/python3.9", "")
    saved = os.path.join(ctx.workdir, "backup/files/etc/alternatives")
    os.makedirs(saved)
    os.symlink("/usr/bin/python3.9", os.path.join(saved, "python3"))
    os.symlink("/usr/bin/gone", os.path.join(saved, "gone"))
    os.makedirs(ctx.root.join("/etc/alternatives"))
    assert RestoreEdits().apply(ctx) == "restored /etc/issue, alternatives/python3"
    assert ctx.root.read_text("/etc/issue") == "Authorised use only\n"
    assert ctx.root.read_text("/etc/issue.rpmnew") == "AlmaLinux \\r\n"
    assert os.readlink(ctx.root.join("/etc/alternatives/python3", follow=False)) == "/usr/bin/python3.9"
    assert RestoreEdits().apply(ctx) == "restored nothing"

"""The release swap replaces the admin's edited %config(noreplace) files (/etc/issue & co: rpm
saves the edit as .rpmsave) and the sync can drop alternatives links; both are put back."""
import os

from migrate.layout import BACKUP_DIR
from migrate.steps.base import Step

EDITED_FILES = ("/etc/issue", "/etc/issue.net", "/etc/motd")
ALTERNATIVES = "/etc/alternatives"


def restore_edited_files(root):
    """Put back the admin's edited /etc/issue & co: AlmaLinux's copy is kept as .rpmnew."""
    restored = []
    for path in EDITED_FILES:
        saved = path + ".rpmsave"
        if root.exists(saved):
            if root.exists(path):
                os.replace(root.join(path, follow=False), root.join(path + ".rpmnew", follow=False))
            os.replace(root.join(saved, follow=False), root.join(path, follow=False))
            restored.append(path)
    return restored


def restore_alternatives(root, backup_dir):
    """Recreate /etc/alternatives links the sync dropped whose target still exists."""
    saved = os.path.join(backup_dir, "files", ALTERNATIVES.lstrip("/"))
    restored = []
    if not os.path.isdir(saved):
        return restored
    for name in sorted(os.listdir(saved)):
        link = os.path.join(saved, name)
        live = "%s/%s" % (ALTERNATIVES, name)
        if not os.path.islink(link) or root.exists(live):
            continue
        target = os.readlink(link)
        if root.exists(target):
            os.symlink(target, root.join(live, follow=False))
            restored.append(name)
    return restored


class RestoreEdits(Step):
    id = "RESTORE_EDITS"
    title = "Restore edited issue files and dropped alternatives"

    def apply(self, ctx):
        files = restore_edited_files(ctx.root)
        links = restore_alternatives(ctx.root, ctx.state_path(BACKUP_DIR))
        return "restored %s" % (", ".join(files + ["alternatives/" + n for n in links]) or "nothing")

"""Copy every file the conversion replaces or removes (repo files, dnf vars, release and
issue files) into the state dir before anything changes, recording what did not exist."""
import json
import os
import shutil

from migrate.steps.base import Step

BACKED_UP_DIRS = ("/etc/yum.repos.d", "/etc/dnf/vars", "/etc/pki/rpm-gpg")
BACKED_UP_FILES = ("/etc/issue", "/etc/issue.net", "/etc/os-release", "/usr/lib/os-release",
                   "/etc/redhat-release", "/etc/system-release", "/etc/system-release-cpe",
                   "/etc/dnf/dnf.conf")
RELEASE_FILE_SUFFIX = "-release"


def files_to_back_up(root):
    paths = set(p for p in BACKED_UP_FILES if root.exists(p))
    for directory in BACKED_UP_DIRS:
        paths.update("%s/%s" % (directory, name) for name in root.listdir(directory))
    paths.update("/etc/%s" % n for n in root.listdir("/etc") if n.endswith(RELEASE_FILE_SUFFIX))
    return sorted(p for p in paths if not root.isdir(p) or os.path.islink(root.join(p)))


class BackupFiles(Step):
    id = "BACKUP_FILES"
    title = "Back up repo, release and issue files"

    def backup_dir(self, ctx):
        return os.path.join(ctx.workdir, "backup")

    def apply(self, ctx):
        target = self.backup_dir(ctx)
        if os.path.isdir(target):
            shutil.rmtree(target)
        manifest = []
        for path in files_to_back_up(ctx.root):
            source = ctx.root.join(path)
            copy = os.path.join(target, "files", path.lstrip("/"))
            if not os.path.isdir(os.path.dirname(copy)):
                os.makedirs(os.path.dirname(copy))
            if os.path.islink(source):
                os.symlink(os.readlink(source), copy)
            else:
                shutil.copy2(source, copy)
            manifest.append(path)
        with open(os.path.join(target, "manifest.json"), "w") as handle:
            json.dump({"files": manifest}, handle, indent=1)
        return "%d files" % len(manifest)

    def undo(self, ctx):
        """Nothing before the point of no return edits these files: dropping the copy is enough."""
        shutil.rmtree(self.backup_dir(ctx), ignore_errors=True)

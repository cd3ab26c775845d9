"""Copy every file the conversion replaces or removes into the state dir before anything
changes: repo files, dnf vars and config, keys, release and issue files, alternatives, and
every file of the packages the transaction removes (their RPMs usually cannot be downloaded
again: the old vendor's repos are never needed, and may be gone)."""
import json
import os
import shutil
import tarfile

from migrate.layout import BACKUP_DIR
from migrate.steps.base import Step

BACKED_UP_DIRS = ("/etc/yum.repos.d", "/etc/dnf/vars", "/etc/pki/rpm-gpg", "/etc/alternatives",
                  "/var/lib/alternatives")
BACKED_UP_FILES = ("/etc/issue", "/etc/issue.net", "/etc/os-release", "/usr/lib/os-release",
                   "/etc/redhat-release", "/etc/system-release", "/etc/system-release-cpe",
                   "/etc/dnf/dnf.conf", "/etc/motd")
RELEASE_FILE_SUFFIX = "-release"


def files_to_back_up(root):
    paths = set(p for p in BACKED_UP_FILES if root.exists(p))
    for directory in BACKED_UP_DIRS:
        paths.update("%s/%s" % (directory, name) for name in root.listdir(directory))
    paths.update("/etc/%s" % n for n in root.listdir("/etc") if n.endswith(RELEASE_FILE_SUFFIX))
    return sorted(p for p in paths if not root.isdir(p) or root.islink(p))


def files_of_packages(root, names):
    """Paths (inside the root) owned by the installed packages of these names."""
    ts = root.rpm_transaction_set()
    paths = set()
    for name in sorted(set(names)):
        for header in ts.dbMatch("name", name):
            for path in header["filenames"] or []:
                paths.add(path.decode("utf-8", "replace") if isinstance(path, bytes) else path)
    return sorted(paths)


class BackupFiles(Step):
    id = "BACKUP_FILES"
    title = "Back up repo, release, issue and removed packages' files"
    needs = ("plan",)

    def backup_dir(self, ctx):
        return ctx.state_path(BACKUP_DIR)

    def apply(self, ctx):
        target = self.backup_dir(ctx)
        if os.path.isdir(target):
            shutil.rmtree(target)
        os.makedirs(target, 0o700)
        manifest = []
        for path in files_to_back_up(ctx.root):
            source = ctx.root.join(path, follow=False)
            copy = os.path.join(target, "files", path.lstrip("/"))
            if not os.path.isdir(os.path.dirname(copy)):
                os.makedirs(os.path.dirname(copy))
            if os.path.islink(source):
                os.symlink(os.readlink(source), copy)
            else:
                shutil.copy2(source, copy)
            manifest.append(path)
        removed = [e["name"] for e in (ctx.plan or {}).get("removed", [])]
        archived = self._archive(ctx, removed, os.path.join(target, "removed-packages.tar.gz"))
        with open(os.path.join(target, "manifest.json"), "w") as handle:
            json.dump({"files": manifest, "removed_packages": sorted(set(removed)),
                       "removed_packages_archive": "removed-packages.tar.gz"}, handle, indent=1)
        return "%d files, %d files of %d removed packages" % (len(manifest), archived, len(set(removed)))

    def _archive(self, ctx, names, path):
        count = 0
        with tarfile.open(path, "w:gz") as archive:
            for inside in files_of_packages(ctx.root, names):
                if ctx.root.exists(inside) and not ctx.root.isdir(inside):
                    archive.add(ctx.root.join(inside, follow=False), arcname=inside.lstrip("/"), recursive=False)
                    count += 1
        return count

    def undo(self, ctx):
        """Nothing before the point of no return edits these files: dropping the copy is enough."""
        shutil.rmtree(self.backup_dir(ctx), ignore_errors=True)

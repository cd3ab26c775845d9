"""bundle: one archive with everything a support ticket needs (log, report, journal, the
host's release and repo files, the installed package list); reads only, writes the archive.
Every file is read through the Root seam (a link in the root never brings in this machine's
files) and stored with its credentials masked (migrate.secrets)."""
import io
import json
import os
import tarfile
import time

from migrate.facts.collect import collect
from migrate.layout import BACKUP_MANIFEST, JOURNAL, LOG_FILE, REPORT_FILE, RUNS_DIR, SUPPORT_BUNDLE
from migrate.secrets import mask

COPIED = (LOG_FILE, REPORT_FILE, JOURNAL, "/etc/os-release", "/etc/redhat-release",
          "/etc/dnf/dnf.conf", BACKUP_MANIFEST)
COPIED_DIRS = ("/etc/yum.repos.d",)


def conversion_run_files(root):
    """The kept log and report of the latest convert and of every resume after it: `verify`
    replaces the latest report, and support needs the conversion's own (docs/cli.md, "Files")."""
    names = [n for n in root.listdir(RUNS_DIR) if n.endswith((".log", ".json"))]
    converts = sorted(n for n in names if "-convert-" in n)
    if not converts:
        return []
    first = converts[-1].rsplit(".", 1)[0]
    chosen = [n for n in names if n.rsplit(".", 1)[0] >= first and ("-convert-" in n or "-resume-" in n)]
    return ["%s/%s" % (RUNS_DIR, n) for n in sorted(chosen)]


def default_path(root):
    return root.join(SUPPORT_BUNDLE % time.strftime("%Y%m%d-%H%M%S"))


def _add(archive, inside, text):
    data = mask(text).encode("utf-8")
    info = tarfile.TarInfo("bundle" + inside)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
    archive.addfile(info, io.BytesIO(data))


def run(ctx, path=None):
    path = os.path.abspath(path or default_path(ctx.root))
    if not os.path.isdir(os.path.dirname(path)):
        os.makedirs(os.path.dirname(path), 0o700)
    facts = collect(ctx.root, ctx.runner)
    packages = "\n".join("%s %s %s" % (p.nevra, p.keyid or "unsigned", p.vendor) for p in facts.packages)
    summary = {"os_release": dict(facts.os_release._asdict()), "arch": facts.arch,
               "release_packages": list(facts.release_packages), "rpmdb_error": facts.rpmdb_error,
               "repo_errors": list(facts.repo_errors), "packages": len(facts.packages)}
    included = []
    with tarfile.open(path, "w:gz") as archive:
        paths = [p for p in COPIED if ctx.root.exists(p)] + conversion_run_files(ctx.root)
        for directory in COPIED_DIRS:
            paths += ["%s/%s" % (directory, n) for n in ctx.root.listdir(directory)]
        for inside in paths:
            if ctx.root.isdir(inside):
                continue
            try:
                text = ctx.root.read_text(inside)
            except (IOError, OSError) as exc:  # a dangling link, a loop: say so in the bundle
                text = "# not readable: %s\n" % (exc.strerror or exc)
            _add(archive, inside, text)
            included.append(inside)
        for name, text in (("facts.json", json.dumps(summary, indent=2, sort_keys=True)),
                           ("packages.txt", packages + "\n")):
            _add(archive, "/" + name, text)
            included.append(name)
    os.chmod(path, 0o600)
    return {"bundle": path, "files": included}

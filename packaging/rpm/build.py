"""Build the almalinux-migrate noarch RPM (and SRPM) with rpmbuild, here or on an EL host.

    python3 packaging/rpm/build.py [OUTDIR]      # default: dist/

Stages the tree (../stage.py) plus the launcher into almalinux-migrate-VERSION.tar.gz and
runs rpmbuild with a private topdir under build/rpm (no ~/.rpmmacros is read or written)."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from stage import REPO, stage, version  # noqa: E402

NAME = "almalinux-migrate"
SPEC = os.path.join(HERE, NAME + ".spec")


def spec_version():
    with open(SPEC, encoding="utf-8") as handle:
        return re.search(r"^Version:\s*(\S+)", handle.read(), re.M).group(1)


def sources(topdir):
    """SOURCES/almalinux-migrate-VERSION.tar.gz: tree/ (code + vendored), launcher, README."""
    base = "%s-%s" % (NAME, version())
    work = os.path.join(topdir, "stage", base)
    tree = stage(os.path.join(work, "tree"))
    shutil.copy(os.path.join(os.path.dirname(HERE), "pyz", "__main__.py"), os.path.join(tree, "__main__.py"))
    shutil.copy(os.path.join(HERE, NAME + ".sh"), work)
    shutil.copy(os.path.join(REPO, "README.md"), work)
    os.makedirs(os.path.join(topdir, "SOURCES"), exist_ok=True)
    tarball = os.path.join(topdir, "SOURCES", base + ".tar.gz")
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(work, arcname=base)
    return tarball


def build(outdir, topdir):
    if spec_version() != version():
        raise SystemExit("%s says Version %s, migrate/__init__.py %s: bump both"
                         % (SPEC, spec_version(), version()))
    shutil.rmtree(topdir, ignore_errors=True)
    sources(topdir)
    # The spec has no BuildRequires: a private, empty rpmdb keeps rpmbuild off the host's own
    # (Debian's rpm would otherwise create ~/.rpmdb).
    argv = ["rpmbuild", "-ba", "--define", "_topdir " + topdir,
            "--define", "_dbpath " + os.path.join(topdir, "rpmdb"), SPEC]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if proc.returncode != 0:
        raise SystemExit("rpmbuild failed:\n" + proc.stdout)
    os.makedirs(outdir, exist_ok=True)
    built = glob.glob(os.path.join(topdir, "RPMS", "noarch", "*.rpm")) + glob.glob(
        os.path.join(topdir, "SRPMS", "*.rpm"))
    for path in built:
        shutil.copy(path, outdir)
    return sorted(os.path.join(outdir, os.path.basename(p)) for p in built)


def main(argv):
    outdir = os.path.abspath(argv[0] if argv else os.path.join(REPO, "dist"))
    for path in build(outdir, os.path.join(REPO, "build", "rpm")):
        print(os.path.relpath(path))


if __name__ == "__main__":
    main(sys.argv[1:])

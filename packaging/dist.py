"""make dist: the release artefacts in one directory, with their checksums.

    python3 packaging/dist.py [OUTDIR] [--bytecode PYTHON]... [--sign-key KEY]

OUTDIR (default dist/) gets almalinux-migrate.pyz (pyz/build.py), the noarch RPM and the SRPM
(rpm/build.py) and SHA256SUMS (sha256sum's format: `sha256sum -c SHA256SUMS` checks them).
With --sign-key the RPMs are signed (rpmsign) and SHA256SUMS gets a detached armored gpg
signature, SHA256SUMS.asc (`gpg --verify SHA256SUMS.asc SHA256SUMS`); GNUPGHOME as the
environment has it. Python 3 with pip, rpmbuild (and gpg, rpmsign to sign) are all it needs."""
import argparse
import glob
import hashlib
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "pyz")]

import build as pyz_build  # noqa: E402  (pyz/build.py)
import stage  # noqa: E402

SUMS = "SHA256SUMS"


def _load_rpm_build():
    import importlib.util
    spec = importlib.util.spec_from_file_location("rpm_build", os.path.join(HERE, "rpm", "build.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(outdir, names):
    with open(os.path.join(outdir, SUMS), "w") as handle:
        for name in sorted(names):
            handle.write("%s  %s\n" % (sha256(os.path.join(outdir, name)), name))


def sign_sums(outdir, key):
    target = os.path.join(outdir, SUMS + ".asc")
    if os.path.exists(target):
        os.remove(target)
    proc = subprocess.run(["gpg", "--batch", "--yes", "--armor", "--local-user", key, "--detach-sign",
                           "--output", target, os.path.join(outdir, SUMS)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if proc.returncode != 0:
        raise SystemExit("gpg could not sign %s:\n%s" % (SUMS, proc.stdout))


def dist(outdir, bytecode=(), sign_key=None):
    """Build everything into outdir (earlier artefacts there removed first, nothing else);
    returns the artefact names (SHA256SUMS aside)."""
    os.makedirs(outdir, exist_ok=True)
    for old in glob.glob(os.path.join(outdir, "almalinux-migrate*")) + glob.glob(os.path.join(outdir, SUMS + "*")):
        os.remove(old)
    pyz = os.path.join(outdir, "almalinux-migrate.pyz")
    scratch = stage.workdir("dist")
    try:
        pyz_build.build(pyz, os.path.join(scratch, "pyz"), bytecode)
        rpms = _load_rpm_build().build(outdir, os.path.join(scratch, "rpm"), sign_key)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    names = [os.path.basename(pyz)] + [os.path.basename(p) for p in rpms]
    write_sums(outdir, names)
    if sign_key:
        sign_sums(outdir, sign_key)
    return names


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", nargs="?", default=os.path.join(stage.REPO, "dist"))
    parser.add_argument("--bytecode", action="append", default=[], metavar="PYTHON")
    parser.add_argument("--sign-key", metavar="KEY")
    args = parser.parse_args(argv)
    outdir = os.path.abspath(args.outdir)
    for name in dist(outdir, args.bytecode, args.sign_key or None) + [SUMS] + (
            [SUMS + ".asc"] if args.sign_key else []):
        print(os.path.relpath(os.path.join(outdir, name)))


if __name__ == "__main__":
    main(sys.argv[1:])

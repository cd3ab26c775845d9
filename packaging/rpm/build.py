"""Build the almalinux-migrate noarch RPM (and SRPM) with rpmbuild, here or on an EL host.

    python3 packaging/rpm/build.py [OUTDIR] [--sign-key KEY]     # default: dist/

Stages the tree (../stage.py) plus the launcher into almalinux-migrate-VERSION.tar.gz and
runs rpmbuild with a private topdir under build/ (no ~/.rpmmacros is read or written).
Needs python3 (with pip) and rpmbuild only: the same on Debian and on an EL host.
--sign-key: rpmsign --addsign with that gpg key (GNUPGHOME as the environment has it)."""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from stage import REPO, pins, stage, version, workdir  # noqa: E402

NAME = "almalinux-migrate"
SPEC = os.path.join(HERE, NAME + ".spec")


def bundled_provides():
    """`Provides: bundled(python3dist(NAME)) = VERSION` for each pin, the name normalized as
    Fedora's python3dist() does (lower case, `_` as `-`)."""
    lines = []
    for requirement, _ in pins():
        name, pinned = requirement.split("==")
        lines.append("Provides:       bundled(python3dist(%s)) = %s" % (name.lower().replace("_", "-"), pinned))
    return "\n".join(lines)


def spec_text():
    """The spec rpmbuild gets (and the SRPM carries): the version and the bundled() lines filled in."""
    with open(SPEC, encoding="utf-8") as handle:
        text = handle.read()
    text = re.sub(r"^(Version:\s*)@VERSION@$", lambda m: m.group(1) + version(), text, flags=re.M)
    return re.sub(r"^@BUNDLED@$", lambda m: bundled_provides(), text, flags=re.M)


def licenses(tree, dest):
    """The vendored libraries' license files, as licenses/<distribution>-<file>."""
    os.makedirs(dest)
    for info in sorted(glob.glob(os.path.join(tree, "*.dist-info")) + glob.glob(
            os.path.join(tree, "_vendor36", "*.dist-info"))):
        for path in sorted(glob.glob(os.path.join(info, "LICEN[CS]E*")) + glob.glob(os.path.join(info, "COPYING*"))):
            distribution = os.path.basename(info)[:-len(".dist-info")]
            shutil.copy(path, os.path.join(dest, "%s-%s" % (distribution, os.path.basename(path))))


def man_page(tree, out):
    """almalinux-migrate.8 from the staged CLI (../man.py), with this interpreter."""
    proc = subprocess.run([sys.executable, "-I", "-B", os.path.join(os.path.dirname(HERE), "man.py"), tree, out],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if proc.returncode != 0:
        raise SystemExit("man page:\n" + proc.stdout)


def config_file():
    """/etc/almalinux-migrate.toml: docs/cli.md's example (the contract), every line commented
    out, so the installed file changes nothing until the admin says so."""
    with open(os.path.join(REPO, "docs", "cli.md"), encoding="utf-8") as handle:
        contract = handle.read()
    example = re.search(r"`--config FILE`.*?```toml\n(.*?)```", contract, re.S).group(1)
    head = ("# almalinux-migrate defaults: the command line overrides them (almalinux-migrate(8),\n"
            "# docs/cli.md in the source). Uncomment what you need.\n")
    return head + "".join("# " + line + "\n" for line in example.splitlines())


def sign(packages, key, dbpath):
    """rpmsign --addsign with gpg key KEY; a private rpmdb path, never the host's."""
    argv = ["rpmsign", "--addsign", "--define", "_gpg_name " + key, "--define", "_dbpath " + dbpath]
    gpg = shutil.which("gpg2") or shutil.which("gpg")  # EL's macro says gpg2; Debian has gpg only
    if gpg:
        argv += ["--define", "__gpg " + gpg]
    proc = subprocess.run(argv + list(packages), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    if proc.returncode != 0:
        raise SystemExit("rpmsign failed:\n" + proc.stdout)


def sources(topdir):
    """SOURCES/almalinux-migrate-VERSION.tar.gz: tree/ (code + vendored), launcher, README and
    docs/ (the man page and the shipped config name docs/cli.md)."""
    base = "%s-%s" % (NAME, version())
    work = os.path.join(topdir, "stage", base)
    tree = stage(os.path.join(work, "tree"))
    shutil.copy(os.path.join(os.path.dirname(HERE), "pyz", "__main__.py"), os.path.join(tree, "__main__.py"))
    shutil.copy(os.path.join(HERE, NAME + ".sh"), work)
    shutil.copy(os.path.join(REPO, "README.md"), work)
    shutil.copytree(os.path.join(REPO, "docs"), os.path.join(work, "docs"))
    shutil.copy(os.path.join(REPO, "LICENSE"), work)
    licenses(tree, os.path.join(work, "licenses"))
    man_page(tree, os.path.join(work, NAME + ".8"))
    with open(os.path.join(work, NAME + ".toml"), "w", encoding="utf-8") as handle:
        handle.write(config_file())
    os.makedirs(os.path.join(topdir, "SOURCES"), exist_ok=True)
    tarball = os.path.join(topdir, "SOURCES", base + ".tar.gz")
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(work, arcname=base)
    return tarball


def build(outdir, topdir, sign_key=None):
    shutil.rmtree(topdir, ignore_errors=True)
    sources(topdir)
    spec = os.path.join(topdir, "SPECS", NAME + ".spec")
    os.makedirs(os.path.dirname(spec))
    with open(spec, "w", encoding="utf-8") as handle:
        handle.write(spec_text())
    # The spec has no BuildRequires: a private, empty rpmdb keeps rpmbuild off the host's own
    # (Debian's rpm would otherwise create ~/.rpmdb).
    argv = ["rpmbuild", "-ba", "--define", "_topdir " + topdir,
            "--define", "_dbpath " + os.path.join(topdir, "rpmdb"), spec]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if proc.returncode != 0:
        raise SystemExit("rpmbuild failed:\n" + proc.stdout)
    os.makedirs(outdir, exist_ok=True)
    built = glob.glob(os.path.join(topdir, "RPMS", "noarch", "*.rpm")) + glob.glob(
        os.path.join(topdir, "SRPMS", "*.rpm"))
    if sign_key:
        sign(built, sign_key, os.path.join(topdir, "rpmdb"))
    for path in built:
        shutil.copy(path, outdir)
    return sorted(os.path.join(outdir, os.path.basename(p)) for p in built)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", nargs="?", default=os.path.join(REPO, "dist"))
    parser.add_argument("--sign-key", metavar="KEY")
    args = parser.parse_args(argv)
    scratch = workdir("rpm")
    try:
        for path in build(os.path.abspath(args.outdir), scratch, args.sign_key):
            print(os.path.relpath(path))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])

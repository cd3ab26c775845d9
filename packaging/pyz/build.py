"""Build almalinux-migrate.pyz: the staged tree (../stage.py) as a zip archive behind an sh
preamble that picks the host's interpreter (preamble.sh).

    python3 packaging/pyz/build.py [OUTPUT] [--bytecode PYTHON]...
                                                 # default: dist/almalinux-migrate.pyz

Bytecode (_pyc/<tag>/, see __main__.py) for this interpreter and each --bytecode one: `make
dist` passes the interpreters of EL8, EL9 and EL10 (3.6, 3.9, 3.12) when pyenv has them. An
interpreter without bytecode in the archive imports from source (slower start, same result).
Entries are sorted and timestamped 1980-01-01, so the same sources give the same bytes."""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from stage import REPO, stage, workdir  # noqa: E402

EPOCH = (1980, 1, 1, 0, 0, 0)


def _add(zipped, path, arcname):
    info = zipfile.ZipInfo(arcname, EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    with open(path, "rb") as handle:
        zipped.writestr(info, handle.read())


def _files(top):
    found = []
    for current, dirs, names in os.walk(top):
        found.extend(os.path.join(current, name) for name in names)
    return sorted(found, key=lambda p: os.path.relpath(p, top))


def compile_for(pythons, tree, out):
    """_pyc/<tag>/ under out, once per interpreter (one tag each: duplicates are dropped)."""
    for python in pythons:
        # A fixed hash seed: frozenset constants are marshalled in iteration order.
        proc = subprocess.run([python, "-I", os.path.join(HERE, "compile.py"), tree, out],
                              env=dict(os.environ, PYTHONHASHSEED="0"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
        if proc.returncode != 0:
            raise SystemExit("%s could not compile the tree:\n%s" % (python, proc.stdout))


def build(output, workdir, pythons=()):
    tree = stage(os.path.join(workdir, "tree"))
    pyc = os.path.join(workdir, "_pyc")
    shutil.rmtree(pyc, ignore_errors=True)
    compile_for([sys.executable] + list(pythons), tree, pyc)
    body = output + ".zip"
    with zipfile.ZipFile(body, "w") as zipped:
        _add(zipped, os.path.join(HERE, "__main__.py"), "__main__.py")
        for path in _files(tree):
            _add(zipped, path, os.path.relpath(path, tree).replace(os.sep, "/"))
        for path in _files(pyc):
            _add(zipped, path, "_pyc/" + os.path.relpath(path, pyc).replace(os.sep, "/"))
    with open(output, "wb") as out:
        with open(os.path.join(HERE, "preamble.sh"), "rb") as preamble:
            out.write(preamble.read())
        with open(body, "rb") as zipped:
            out.write(zipped.read())
    os.remove(body)
    os.chmod(output, 0o755)
    return output


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", nargs="?", default=os.path.join(REPO, "dist", "almalinux-migrate.pyz"))
    parser.add_argument("--bytecode", action="append", default=[], metavar="PYTHON")
    args = parser.parse_args(argv)
    output = os.path.abspath(args.output)
    os.makedirs(os.path.dirname(output), exist_ok=True)
    scratch = workdir("pyz")
    try:
        build(output, scratch, args.bytecode)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("%s (%d bytes)" % (os.path.relpath(output), os.path.getsize(output)))


if __name__ == "__main__":
    main(sys.argv[1:])

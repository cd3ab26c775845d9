"""Build almalinux-migrate.pyz: the staged tree (../stage.py) as a zip archive behind an sh
preamble that picks the host's interpreter (preamble.sh).

    python3 packaging/pyz/build.py [OUTPUT]      # default: dist/almalinux-migrate.pyz

Entries are sorted and timestamped 1980-01-01, so the same sources give the same bytes."""
import os
import stat
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from stage import REPO, stage  # noqa: E402

EPOCH = (1980, 1, 1, 0, 0, 0)


def _add(zipped, path, arcname):
    info = zipfile.ZipInfo(arcname, EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    with open(path, "rb") as handle:
        zipped.writestr(info, handle.read())


def build(output, workdir):
    tree = stage(os.path.join(workdir, "tree"))
    body = output + ".zip"
    with zipfile.ZipFile(body, "w") as zipped:
        _add(zipped, os.path.join(HERE, "__main__.py"), "__main__.py")
        files = []
        for current, dirs, names in os.walk(tree):
            files.extend(os.path.join(current, name) for name in names)
        for path in sorted(files, key=lambda p: os.path.relpath(p, tree)):
            _add(zipped, path, os.path.relpath(path, tree).replace(os.sep, "/"))
    with open(output, "wb") as out:
        with open(os.path.join(HERE, "preamble.sh"), "rb") as preamble:
            out.write(preamble.read())
        with open(body, "rb") as zipped:
            out.write(zipped.read())
    os.remove(body)
    os.chmod(output, 0o755)
    return output


def main(argv):
    output = os.path.abspath(argv[0] if argv else os.path.join(REPO, "dist", "almalinux-migrate.pyz"))
    os.makedirs(os.path.dirname(output), exist_ok=True)
    build(output, os.path.join(REPO, "build", "pyz"))
    print("%s (%d bytes)" % (os.path.relpath(output), os.path.getsize(output)))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Which database format the root's rpmdb is in, from the files actually there (not from the
major: an EL8 image rebuilt with sqlite exists, so does an EL9 one left on Berkeley DB), and
which formats this machine's rpm can write. Under --root the rpm that writes the root's rpmdb
is this machine's: Debian 12's rpm 4.18 reads Berkeley DB only through the read-only `bdb_ro`
backend, so `rpm --import` there returns 0 and imports nothing, and a transaction cannot be
recorded (docs/development.md, "The sandbox and its traps")."""
import os
import re

# file in the rpmdb directory -> backend; the first present wins (rpm 4.16+ looks for sqlite
# first too, and falls back to what it finds: "Found bdb_ro Packages database")
BACKEND_FILES = (("rpmdb.sqlite", "sqlite"), ("Packages.db", "ndb"), ("Packages", "bdb"))
READ_ONLY = {"bdb_ro": "bdb"}  # a backend rpm can only read -> the format it reads
NOT_A_FORMAT = ("dummy",)
NAMES = {"bdb": "Berkeley DB", "sqlite": "sqlite", "ndb": "ndb"}


def detect_backend(root):
    """('bdb'|'sqlite'|'ndb', the file that says so, inside the root), or (None, None)."""
    directory = root.rpmdb_path
    for filename, backend in BACKEND_FILES:
        path = os.path.join(directory, filename)
        if os.path.isfile(root.join(path)):
            return backend, path
    return None, None


SHOWRC_DEFAULT = re.compile(r"^default backend\s*:\s*(\S+)", re.M)
SHOWRC_AVAILABLE = re.compile(r"^available backends\s*:\s*(.*)$", re.M)
SHOWRC_MACRO = re.compile(r"^-\d+[:=] _db_backend\s+(\S+)", re.M)


def parse_showrc(text):
    """The formats `rpm --showrc` says this rpm writes: its available backends minus read-only
    ones (rpm 4.16+ prints them); an older rpm (EL8's 4.14) prints none: then its %_db_backend."""
    available = SHOWRC_AVAILABLE.search(text)
    if available:
        names = available.group(1).split()
        return tuple(sorted(set(n for n in names if n not in READ_ONLY and n not in NOT_A_FORMAT)))
    default = SHOWRC_DEFAULT.search(text) or SHOWRC_MACRO.search(text)
    return (default.group(1),) if default else ()


def collect_writable_backends(runner):
    """The formats this machine's rpm writes; None when rpm cannot tell (not installed)."""
    result = runner.run(["rpm", "--showrc"], check=False)
    if result.returncode != 0:
        return None
    return parse_showrc(result.stdout)

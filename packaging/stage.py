"""Stage almalinux-migrate with its pinned pure-Python dependencies vendored, for the
one-file build (pyz/) and the RPM (rpm/).

The staged tree is what both ship:

    migrate/                  the package, with profiles/ and schemas/ as migrate/_profiles
                              and migrate/_schemas (as setup.py installs them)
    typer/ click/ rich/ ...   requirements/runtime.txt, every pin whose marker is not 3.6-only
    _vendor36/dataclasses.py  the pins marked python_version < "3.7": added to sys.path on 3.6
                              only (on 3.7+ the backport breaks the standard library's typing)

Never vendored: rpm and dnf. They come from the host (python3-rpm, python3-dnf) and are
imported from the interpreter's own site-packages.

Pruned: pygments (most of the vendored bytes) keeps only the modules the tool imports at
start-up (typer's help imports rich.markdown -> rich.syntax -> pygments) plus the Python lexer
that a rich traceback asks for; its lexers and styles for other languages are left out. The
tool imports everything a run needs at start-up (design rule), so that closure is the set
needed at run time."""
import os
import re
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNTIME = os.path.join(REPO, "requirements", "runtime.txt")
VENDOR36 = "_vendor36"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;]+)\s*(?:;\s*(.*))?$")


def version():
    with open(os.path.join(REPO, "migrate", "__init__.py"), encoding="utf-8") as handle:
        return re.search(r'__version__ = "([^"]+)"', handle.read()).group(1)


def pins(path=RUNTIME):
    """[(requirement, only_on_36)] from the pinned runtime set; the build interpreter's own
    version must not decide what is vendored, so markers are read, not evaluated."""
    result = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            match = PIN.match(line)
            if not match:
                raise SystemExit("%s: not an exact pin: %r" % (path, line))
            name, pinned, marker = match.groups()
            only_36 = bool(marker) and re.sub(r"\s", "", marker).replace("'", '"') == 'python_version<"3.7"'
            result.append(("%s==%s" % (name, pinned), only_36))
    return result


def _pip_install(requirements, target):
    argv = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
            "--no-compile", "--only-binary=:all:", "--ignore-requires-python", "--target", target]
    proc = subprocess.run(argv + requirements, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    noise = "is ignored: it is neither a file nor a directory"  # this machine's pip config
    output = "\n".join(l for l in proc.stdout.splitlines() if noise not in l)
    if proc.returncode != 0:
        raise SystemExit("pip install failed:\n" + output)
    shutil.rmtree(os.path.join(target, "bin"), ignore_errors=True)  # pygmentize: not shipped


# Modules imported on demand only, kept besides the start-up closure: rich.traceback's lexer.
PRUNED = {"pygments": ("pygments.lexers.python",)}


def imported_at_startup(tree, packages, extras=()):
    """Module names of packages that `import migrate.cli` (then extras) loads, with tree first
    on sys.path (run with this interpreter, in a child: the build's own modules do not count)."""
    code = ("import importlib, sys; sys.path[:0] = [sys.argv[1]] + ([sys.argv[1] + '/%s'] "
            "if sys.version_info < (3, 7) else []); import migrate.cli; "
            "[importlib.import_module(m) for m in sys.argv[2].split()]; print('\\n'.join(sorted("
            "m for m in sys.modules if m.split('.')[0] in sys.argv[3:])))" % VENDOR36)
    proc = subprocess.run([sys.executable, "-I", "-B", "-c", code, tree, " ".join(extras)] + list(packages),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if proc.returncode != 0:
        raise SystemExit("importing the staged tree failed:\n" + proc.stdout)
    return set(proc.stdout.split())


def prune(tree):
    """Remove the PRUNED packages' modules that are not imported at start-up; returns the
    removed files (relative paths)."""
    keep = imported_at_startup(tree, PRUNED, [m for extra in PRUNED.values() for m in extra])
    removed = []
    for package in sorted(PRUNED):
        for current, dirs, names in os.walk(os.path.join(tree, package)):
            for name in names:
                path = os.path.join(current, name)
                rel = os.path.relpath(path, tree)
                module = rel[:-len(".py")].replace(os.sep, ".")
                module = module[:-len(".__init__")] if module.endswith(".__init__") else module
                if not name.endswith(".py") or module not in keep:
                    os.remove(path)
                    removed.append(rel)
        for current, dirs, names in sorted(os.walk(os.path.join(tree, package)), reverse=True):
            if not os.listdir(current):
                os.rmdir(current)
    return removed


def _copy_tree(source, dest):
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo"))


def workdir(kind):
    """A fresh private directory under build/ for one build (concurrent builds, as the tests
    and the bench run them, never share one); the caller removes it."""
    import tempfile
    top = os.path.join(REPO, "build")
    os.makedirs(top, exist_ok=True)
    return tempfile.mkdtemp(prefix=kind + "-", dir=top)


def stage(dest):
    """Build the staged tree in dest (emptied first); returns dest."""
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    _copy_tree(os.path.join(REPO, "migrate"), os.path.join(dest, "migrate"))
    _copy_tree(os.path.join(REPO, "profiles"), os.path.join(dest, "migrate", "_profiles"))
    _copy_tree(os.path.join(REPO, "schemas"), os.path.join(dest, "migrate", "_schemas"))
    everywhere = [req for req, only_36 in pins() if not only_36]
    on_36 = [req for req, only_36 in pins() if only_36]
    _pip_install(everywhere, dest)
    if on_36:
        _pip_install(on_36, os.path.join(dest, VENDOR36))
    prune(dest)
    return dest

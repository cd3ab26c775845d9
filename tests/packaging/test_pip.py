"""pip install: the sdist and the wheel built from this checkout (setuptools' own PEP 517 backend,
as pip and `python -m build` call it) install into a fresh venv of the system python, which owns
the rpm/dnf bindings; every module imports, the data ships, and the installed
`almalinux-migrate` converts a sandbox host. On EL8's python 3.6 with its pip 9.0.3 and
setuptools 39.2.0, `pip install .` installs the same project with a working script."""
import os
import subprocess
import sys
import tarfile

import pytest

from migrate import __version__
from tests.packaging.conftest import pyenv_python
from tests.sandbox.cli import REPO, diff_snapshots, run_cli, snapshot
from tests.schema import assert_valid_report

SYSTEM_PYTHON = "/usr/bin/python3"
NAME = "almalinux-migrate"
# EL8's python3-pip and python3-setuptools (AppStream 8.x): what `pip3 install .` runs there.
EL8_PIP, EL8_SETUPTOOLS = "pip==9.0.3", "setuptools==39.2.0"
PIP_NOISE = "is ignored: it is neither a file nor a directory"  # this machine's pip config
IMPORT_ALL = """
import os, pkgutil, sys, migrate
names = sorted(m.name for m in pkgutil.walk_packages(migrate.__path__, "migrate."))
for name in names:
    __import__(name)
print(os.path.dirname(migrate.__file__))
print("\\n".join(names))
"""


def run(argv, cwd=None):
    proc = subprocess.run([str(a) for a in argv], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, cwd=cwd, env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"))
    output = "\n".join(l for l in proc.stdout.splitlines() if PIP_NOISE not in l)
    assert proc.returncode == 0, "%s\n%s" % (argv, output)
    return output


def source_copy(dest):
    """The checkout's files as git sees them (tracked and new, ignored ones left out): what a
    clone holds. The checkout itself is never built in (no build/ or egg-info left there)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                            stdout=subprocess.PIPE, check=True).stdout.decode("utf-8").split("\0")
    for relative in filter(None, listed):
        source = os.path.join(REPO, relative)
        if relative.startswith("tests/") or not os.path.lexists(source):
            continue
        target = os.path.join(dest, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.islink(source):
            os.symlink(os.readlink(source), target)
        else:
            with open(source, "rb") as src, open(target, "wb") as out:
                out.write(src.read())
    return dest


def backend(source_dir, hook, outdir):
    """setuptools.build_meta.<hook>(outdir) in source_dir: the file it built."""
    code = "import sys; from setuptools import build_meta; print(build_meta.%s(sys.argv[1]))" % hook
    name = run([sys.executable, "-c", code, outdir], cwd=source_dir).strip().splitlines()[-1]
    return os.path.join(outdir, name)


@pytest.fixture(scope="session")
def source_tree(tmp_path_factory):
    return source_copy(str(tmp_path_factory.mktemp("source") / "almalinux-migrate"))


@pytest.fixture(scope="session")
def built(source_tree, tmp_path_factory):
    """{"sdist": path, "wheel": path}; the wheel is built from the unpacked sdist, as pip does."""
    dist = str(tmp_path_factory.mktemp("dist"))
    sdist = backend(source_tree, "build_sdist", dist)
    unpacked = str(tmp_path_factory.mktemp("unpacked"))
    with tarfile.open(sdist) as tar:
        tar.extractall(unpacked)
    wheel = backend(os.path.join(unpacked, "%s-%s" % (NAME, __version__)), "build_wheel", dist)
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="session", params=["sdist", "wheel"])
def installed(request, built, tmp_path_factory):
    """(kind, venv dir): a fresh venv of the system python with the artefact pip-installed."""
    venv = str(tmp_path_factory.mktemp("venv-" + request.param))
    run([SYSTEM_PYTHON, "-m", "venv", "--system-site-packages", venv])
    run([os.path.join(venv, "bin", "pip"), "install", "-q", built[request.param]])
    return request.param, venv


def checkout_modules():
    """migrate's modules as the checkout has them (every .py under migrate/)."""
    names = []
    for current, dirs, files in os.walk(os.path.join(REPO, "migrate")):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        package = os.path.relpath(current, REPO).replace(os.sep, ".")
        for name in files:
            if name == "__init__.py" and package != "migrate":
                names.append(package)
            elif name.endswith(".py") and name != "__init__.py":
                names.append(package + "." + name[:-3])
    return sorted(names)


def files_under(folder):
    return sorted(os.path.relpath(os.path.join(c, n), folder)
                  for c, dirs, names in os.walk(folder) for n in names if "__pycache__" not in c)


def test_installed_package_imports_every_module_and_ships_the_data(installed):
    _, venv = installed
    output = run([os.path.join(venv, "bin", "python"), "-c", IMPORT_ALL], cwd="/").splitlines()
    location, modules = output[0], output[1:]
    assert location.startswith(venv)
    assert [m for m in modules if not m.startswith(("migrate._profiles", "migrate._schemas"))] == checkout_modules()
    assert "migrate.plan.boot" in modules
    assert files_under(os.path.join(location, "_profiles")) == files_under(os.path.join(REPO, "profiles"))
    assert files_under(os.path.join(location, "_schemas")) == files_under(os.path.join(REPO, "schemas"))
    metadata = run([os.path.join(venv, "bin", "pip"), "show", NAME])
    assert "Name: %s\n" % NAME in metadata and "Version: %s\n" % __version__ in metadata


def test_installed_entry_point_converts_a_sandbox_host(installed, world, mirror, rocky9_root, trust_config):
    _, venv = installed
    tool = [os.path.join(venv, "bin", NAME)]
    before = snapshot(rocky9_root)
    preflight = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config,
                        command=tool)
    assert preflight.returncode == 0, preflight
    assert assert_valid_report(preflight.document)["status"] == "ready"
    assert diff_snapshots(before, snapshot(rocky9_root)) == []
    converted = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                        command=tool)
    assert converted.returncode == 0, converted
    report = assert_valid_report(converted.document)
    assert report["status"] == "converted" and report["tool"]["version"] == __version__
    assert 'ID="almalinux"' in (rocky9_root / "etc" / "os-release").read_text()


def test_el8_pip_9_installs_a_working_tool_from_the_source_tree(source_tree, tmp_path):
    """EL8's pip 9 ignores pyproject.toml and runs setup.py with setuptools 39.2: the project,
    version, script and package data must still be right. The pins are installed first with a
    newer pip (pip 9 has no resolver); pyenv's 3.6 has no rpm bindings, so only --help runs."""
    venv = str(tmp_path / "el8")
    run([pyenv_python(6), "-m", "venv", venv])
    pip = os.path.join(venv, "bin", "pip")
    run([pip, "install", "-q", "pip==21.3.1"])
    run([pip, "install", "-q", "-r", os.path.join(REPO, "requirements", "runtime.txt")])
    run([pip, "install", "-q", EL8_PIP, EL8_SETUPTOOLS])
    assert run([pip, "--version"]).startswith("pip 9.0.3 ")
    run([pip, "install", "-q", "."], cwd=source_tree)
    python = os.path.join(venv, "bin", "python")
    found = run([python, "-c", "import pkg_resources, migrate, os; "
                 "d = pkg_resources.get_distribution('%s'); print(d.project_name, d.version); "
                 "print(sorted(os.listdir(os.path.join(os.path.dirname(migrate.__file__), '_profiles'))))"
                 % NAME], cwd="/")
    assert found.splitlines()[0] == "%s %s" % (NAME, __version__)
    assert "'sources'" in found.splitlines()[1] and "'targets'" in found.splitlines()[1]
    helped = run([os.path.join(venv, "bin", NAME), "--help"], cwd="/")
    assert "preflight" in helped and "convert" in helped
    assert run([os.path.join(venv, "bin", NAME), "--version"], cwd="/").strip() == "%s %s" % (NAME, __version__)

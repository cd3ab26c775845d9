"""Fixtures for the packaging tests: the built pyz and RPM, on top of the sandbox world.

Each build runs once per session from this checkout, into the session's temp dir, exactly as
`make pyz` / `make rpm` do; the tests then run the built artifacts, never the checkout."""
import glob
import os
import subprocess
import sys

import pytest

from tests.sandbox.cli import REPO
from tests.sandbox.conftest import centos9_root, mirror, rocky9_root, trust_config, world  # noqa: F401


def build(script, *args):
    """Run a packaging build script with this interpreter; its output is in the failure."""
    proc = subprocess.run([sys.executable, os.path.join(REPO, "packaging", script)] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout
    return proc.stdout


def pyenv_python(minor):
    """The pyenv interpreter for 3.<minor>; a missing one fails the test (no silent skip)."""
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    found = sorted(glob.glob(os.path.join(root, "versions", "3.%d.*" % minor, "bin", "python3.%d" % minor)))
    assert found, "pyenv Python 3.%d not found under %s/versions" % (minor, root)
    return found[-1]


def bytecode_args():
    """--bytecode for EL8's and EL10's interpreters (pyenv's 3.6 and 3.12), as make dist passes
    them; this interpreter's own bytecode is always built."""
    return ["--bytecode", pyenv_python(6), "--bytecode", pyenv_python(12)]


@pytest.fixture(scope="session")
def pyz(tmp_path_factory):
    """Path of a freshly built almalinux-migrate.pyz."""
    path = str(tmp_path_factory.mktemp("pyz") / "almalinux-migrate.pyz")
    build("pyz/build.py", path, *bytecode_args())
    return path


@pytest.fixture(scope="session")
def rpm_package(tmp_path_factory):
    """Path of a freshly built almalinux-migrate noarch RPM."""
    outdir = tmp_path_factory.mktemp("rpm")
    build("rpm/build.py", str(outdir))
    (path,) = glob.glob(str(outdir / "almalinux-migrate-*.noarch.rpm"))
    return path


def _load(name, *path):
    import importlib.util
    sys.path.insert(0, os.path.join(REPO, "packaging"))  # the build scripts import stage
    spec = importlib.util.spec_from_file_location(name, os.path.join(REPO, "packaging", *path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_stage():
    """packaging/stage.py as a module (packaging/ is no package: the name is PyPI's)."""
    return _load("stage", "stage.py")


def load_rpm_build():
    """packaging/rpm/build.py as a module."""
    return _load("rpm_build", "rpm", "build.py")


def load_man():
    """packaging/man.py as a module."""
    return _load("man", "man.py")

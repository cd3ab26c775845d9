"""The RPM: built here with rpmbuild from the repo's spec, installed into scratch rpmdb roots
next to stand-in EL packages, and run from there against sandbox hosts."""
import os
import re
import subprocess
import tempfile

import pytest

from migrate import __version__
from migrate.config import FileConfig, parse_config
from migrate.hooks import HOOKS_DIR
from migrate.layout import CONFIG_FILE
from tests.packaging.conftest import load_rpm_build, load_stage
from tests.sandbox.cli import run_cli
from tests.schema import assert_valid_report

INTERPRETER = "(/usr/libexec/platform-python or /usr/bin/python3)"
EL8 = ("/usr/libexec/platform-python", "python3-rpm", "python3-dnf", "/bin/sh", "coreutils")
EL9 = ("/usr/bin/python3", "python3-rpm", "python3-dnf", "/bin/sh", "coreutils")
EMPTY_RPMDB = tempfile.TemporaryDirectory(prefix="empty-rpmdb-")
STUB_SPEC = """Name: {name}
Version: 1
Release: 1
Summary: stand-in for what an EL host provides
License: MIT
BuildArch: noarch
{provides}
%description
stand-in
%files
"""


def rpm(root, *args):
    """rpm on the scratch root's own rpmdb (root None: only querying package files, with an
    empty private rpmdb: this machine's own is never opened)."""
    if root is None:
        argv = ["rpm", "--define", "_dbpath %s" % EMPTY_RPMDB.name]
    else:
        argv = ["rpm", "--root", str(root), "--define", "_dbpath /var/lib/rpm"]
    argv += [str(a) for a in args]
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)


def query(package, *args):
    return rpm(None, "-qp", package, *args).stdout.splitlines()


def stub_rpm(tmp_path, name, provides):
    """A noarch RPM with no files that provides what an EL host would (an interpreter path,
    the bindings' package names)."""
    topdir = tmp_path / ("stub-" + name)
    spec = topdir / (name + ".spec")
    os.makedirs(str(topdir))
    spec.write_text(STUB_SPEC.format(name=name, provides="\n".join("Provides: " + p for p in provides)))
    proc = subprocess.run(["rpmbuild", "-bb", "--define", "_topdir %s" % topdir,
                           "--define", "_dbpath %s" % (topdir / "rpmdb"), str(spec)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert proc.returncode == 0, proc.stdout
    return str(topdir / "RPMS" / "noarch" / ("%s-1-1.noarch.rpm" % name))


def scratch_root(tmp_path, provides):
    root = tmp_path / "scratch"
    os.makedirs(str(root))
    assert rpm(root, "--initdb").returncode == 0
    installed = rpm(root, "-i", stub_rpm(tmp_path, "el-stand-in", provides))
    assert installed.returncode == 0, installed.stdout
    return root


def test_requires_the_host_interpreter_and_bindings_and_hides_the_vendored_tree(rpm_package):
    requires = [l for l in query(rpm_package, "--requires") if not l.startswith("rpmlib(")]
    config = "config(almalinux-migrate) = %s-1" % __version__  # rpmbuild's, for the %config file
    assert sorted(requires) == sorted([INTERPRETER, "/bin/sh", "coreutils", "python3-dnf", "python3-rpm", config])
    provides = query(rpm_package, "--provides")
    bundled = sorted(p for p in provides if p.startswith("bundled("))
    pinned = sorted("bundled(python3dist(%s)) = %s" % (req.split("==")[0].lower().replace("_", "-"),
                                                      req.split("==")[1]) for req, _ in load_stage().pins())
    assert bundled == pinned
    assert sorted(p for p in provides if not p.startswith("bundled(")) == [
        "almalinux-migrate = %s-1" % __version__, config]
    files = query(rpm_package, "--list")
    assert "/usr/bin/almalinux-migrate" in files
    assert "/usr/share/almalinux-migrate/__main__.py" in files
    assert "/usr/share/almalinux-migrate/_vendor36/dataclasses.py" in files
    assert "/usr/share/almalinux-migrate/migrate/_profiles/sources/rocky.toml" in files
    assert not [f for f in files if "__pycache__" in f or re.search(r"/(rpm|dnf)/", f)]


def test_ships_license_man_page_config_and_hooks_directories(rpm_package):
    licenses = query(rpm_package, "--licensefiles")
    assert "/usr/share/licenses/almalinux-migrate-%s/LICENSE" % __version__ in licenses
    vendored = sorted(set(os.path.basename(f).split("-")[0].lower().replace("_", "-") for f in licenses
                          if os.path.basename(f) != "LICENSE"))
    assert vendored == sorted(req.split("==")[0].lower().replace("_", "-") for req, _ in load_stage().pins())
    flags = dict(line.rsplit(" ", 1) for line in query(rpm_package, "--qf", "[%{FILENAMES} %{FILEFLAGS:fflags}\n]"))
    assert flags[CONFIG_FILE] == "cn"  # %config(noreplace), where the tool reads it
    modes = dict(line.rsplit(" ", 1) for line in query(rpm_package, "--qf", "[%{FILENAMES} %{FILEMODES:perms}\n]"))
    for phase in ("pre-convert", "post-convert"):
        # migrate/hooks.py's directory, one per phase
        assert modes["%s/%s" % (HOOKS_DIR, phase)] == "drwxr-xr-x"
    assert [f for f in flags if re.match(r"^/usr/share/man/man8/almalinux-migrate\.8(\.gz)?$", f)]


def test_config_file_is_the_contracts_example_commented_out(tmp_path):
    text = load_rpm_build().config_file()
    assert parse_config(text, "shipped") == FileConfig()  # changes nothing as installed
    uncommented = "\n".join(line[2:] for line in text.splitlines() if line.startswith("# ") and "=" in line
                            or line.startswith("# ["))
    assert parse_config(uncommented, "uncommented").mirror == "https://mirror.example.com/almalinux"


@pytest.mark.parametrize("provides", [EL8, EL9], ids=["el8-platform-python", "el9-python3"])
def test_installs_where_an_el_interpreter_and_the_bindings_are(rpm_package, tmp_path, provides):
    root = scratch_root(tmp_path, provides)
    installed = rpm(root, "-i", rpm_package)
    assert installed.returncode == 0, installed.stdout
    assert rpm(root, "-V", "almalinux-migrate").returncode == 0


@pytest.mark.parametrize("missing", [INTERPRETER, "python3-dnf", "python3-rpm"])
def test_refuses_to_install_without_them(rpm_package, tmp_path, missing):
    provides = [p for p in EL9 if p not in ("/usr/bin/python3" if missing == INTERPRETER else missing,)]
    installed = rpm(scratch_root(tmp_path, provides), "-i", rpm_package)
    assert installed.returncode != 0
    assert "%s is needed by almalinux-migrate" % missing in installed.stdout


def test_installed_package_converts_a_sandbox_host(rpm_package, tmp_path, world, mirror, centos9_root, trust_config):
    root = scratch_root(tmp_path, EL9)
    assert rpm(root, "-i", rpm_package).returncode == 0
    tool = [str(root / "usr" / "bin" / "almalinux-migrate")]
    listed = run_cli(centos9_root, "profiles", command=tool)
    assert listed.returncode == 0, listed
    preflight = run_cli(centos9_root, "preflight", "--downgrade", "--mirror", world.mirror_url(mirror),
                        config=trust_config, command=tool)
    assert preflight.returncode == 0 and assert_valid_report(preflight.document)["status"] == "ready", preflight
    converted = run_cli(centos9_root, "convert", "--yes", "--downgrade", "--mirror", world.mirror_url(mirror),
                        config=trust_config, command=tool)
    assert converted.returncode == 0, converted
    assert assert_valid_report(converted.document)["status"] == "converted"
    assert 'ID="almalinux"' in (centos9_root / "etc" / "os-release").read_text()
    # Running wrote nothing into the package's files (-B: no __pycache__), and it removes cleanly.
    verified = rpm(root, "-V", "almalinux-migrate")
    assert verified.returncode == 0, verified.stdout
    assert not list((root / "usr" / "share" / "almalinux-migrate").rglob("__pycache__"))
    assert rpm(root, "-e", "almalinux-migrate").returncode == 0
    assert not (root / "usr" / "share" / "almalinux-migrate").exists()

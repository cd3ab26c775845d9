"""The version and the dependency pins are written once (migrate/__init__.py,
requirements/runtime.txt); every other place derives them or is checked here to agree."""
import importlib.util
import os
import re
import sys

from setuptools import find_packages

from migrate import __version__

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.path.join(REPO, "packaging", "rpm", "almalinux-migrate.spec")


def rpm_build():
    """packaging/rpm/build.py (packaging/ is no package), imported without building anything."""
    spec = importlib.util.spec_from_file_location("rpm_build", os.path.join(REPO, "packaging", "rpm", "build.py"))
    module = importlib.util.module_from_spec(spec)
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)  # it puts packaging/ on sys.path for its `stage`
    finally:
        sys.path[:] = path
    return module


def read(*parts):
    with open(os.path.join(REPO, *parts), encoding="utf-8") as handle:
        return handle.read()


def runtime_pins():
    """{normalised name: version} of requirements/runtime.txt."""
    pins = {}
    for line in read("requirements", "runtime.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", line).groups()
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_the_spec_rpmbuild_gets_has_this_version_and_bundles_exactly_the_runtime_pins():
    text = rpm_build().spec_text()
    assert re.search(r"^Version:\s*(\S+)$", text, re.M).group(1) == __version__
    bundled = dict(re.findall(r"^Provides:\s*bundled\(python3dist\(([^)]+)\)\)\s*=\s*(\S+)$", text, re.M))
    assert bundled == runtime_pins()
    spec = read("packaging", "rpm", "almalinux-migrate.spec")
    changed = [line for line in spec.splitlines() if line not in text.splitlines()]
    assert changed == ["Version:        @VERSION@", "@BUNDLED@"]  # the rest as written


def test_the_checked_in_spec_names_neither_version_nor_pins():
    spec = read("packaging", "rpm", "almalinux-migrate.spec")
    assert re.search(r"^Version:\s*@VERSION@$", spec, re.M) and re.search(r"^@BUNDLED@$", spec, re.M)
    assert "bundled(" not in spec


def test_the_latest_changelog_entry_is_this_version():
    spec = read("packaging", "rpm", "almalinux-migrate.spec")
    latest = re.search(r"^%changelog\n\*[^\n]*? - (\S+)$", spec, re.M).group(1)
    assert latest.rsplit("-", 1)[0] == __version__


def test_every_directory_of_modules_under_migrate_is_a_package_setup_finds():
    """setup.py finds the packages itself (no list to forget a new one in, as migrate.boot once was)."""
    with_modules = set()
    for current, dirs, files in os.walk(os.path.join(REPO, "migrate")):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        if any(name.endswith(".py") for name in files):
            with_modules.add(os.path.relpath(current, REPO).replace(os.sep, "."))
    assert with_modules == set(find_packages(REPO, include=["migrate", "migrate.*"]))
    assert "find_packages(include=[\"migrate\", \"migrate.*\"])" in read("setup.py")


def test_setup_metadata_takes_version_and_pins_from_their_one_place():
    config = read("setup.cfg")
    assert re.search(r"^version = attr: migrate\.__version__$", config, re.M)
    assert "install_requires" not in config and "==" not in config
    assert "requirements/runtime.txt" in read("setup.py")
    assert "[project]" not in read("pyproject.toml")


def test_readme_example_report_names_this_version():
    versions = re.findall(r'"tool": \{"name": "almalinux-migrate", "version": "([^"]+)"', read("README.md"))
    assert versions == [__version__]

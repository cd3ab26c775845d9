"""The version and the dependency pins are written once (migrate/__init__.py,
requirements/runtime.txt); every other place derives them or is checked here to agree."""
import os
import re

from migrate import __version__

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.path.join(REPO, "packaging", "rpm", "almalinux-migrate.spec")


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


def test_rpm_spec_version_and_latest_changelog_entry_are_the_packages():
    spec = read("packaging", "rpm", "almalinux-migrate.spec")
    assert re.search(r"^Version:\s*(\S+)$", spec, re.M).group(1) == __version__
    latest = re.search(r"^%changelog\n\*[^\n]*? - (\S+)$", spec, re.M).group(1)
    assert latest.rsplit("-", 1)[0] == __version__


def test_rpm_spec_bundles_exactly_the_runtime_pins():
    spec = read("packaging", "rpm", "almalinux-migrate.spec")
    bundled = dict(re.findall(r"^Provides:\s*bundled\(python3dist\(([^)]+)\)\)\s*=\s*(\S+)$", spec, re.M))
    assert bundled == runtime_pins()


def test_setup_metadata_takes_version_and_pins_from_their_one_place():
    config = read("setup.cfg")
    assert re.search(r"^version = attr: migrate\.__version__$", config, re.M)
    assert "install_requires" not in config and "==" not in config
    assert "requirements/runtime.txt" in read("setup.py")
    assert "[project]" not in read("pyproject.toml")


def test_the_contracts_example_report_names_this_version():
    versions = re.findall(r'"tool": \{"name": "almalinux-migrate", "version": "([^"]+)"', read("docs", "cli.md"))
    assert versions == [__version__]

"""The one-file build: built from this checkout, run with the host's interpreter (preamble),
with pyenv's 3.6 and 3.12 (no rpm/dnf bindings there), and used to preflight and convert."""
import json
import subprocess
import zipfile

import pytest

from tests.packaging.conftest import build, pyenv_python
from tests.sandbox.cli import diff_snapshots, installed_signatures, run_cli, snapshot
from tests.schema import assert_valid_report


def _run(argv):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                          cwd="/", env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"})


def test_archive_vendors_the_pins_and_keeps_dataclasses_apart(pyz):
    with open(pyz, "rb") as handle:
        assert handle.readline() == b"#!/bin/sh\n"
    with zipfile.ZipFile(pyz) as zipped:
        names = set(zipped.namelist())
        assert zipped.testzip() is None
    for member in ("__main__.py", "migrate/cli.py", "migrate/_profiles/sources/rocky.toml",
                   "migrate/_schemas/report-1.json", "typer/__init__.py", "click/__init__.py",
                   "rich/__init__.py", "distro/__init__.py", "typing_extensions.py", "pygments/__init__.py",
                   "commonmark/__init__.py", "tomli/__init__.py", "_vendor36/dataclasses.py"):
        assert member in names, member
    assert "dataclasses.py" not in names
    assert not [n for n in names if n.startswith(("rpm/", "dnf/", "hawkey/")) or "__pycache__" in n]


def test_same_sources_same_bytes(pyz, tmp_path):
    again = str(tmp_path / "again.pyz")
    build("pyz/build.py", again)
    with open(pyz, "rb") as first, open(again, "rb") as second:
        assert first.read() == second.read()


@pytest.mark.parametrize("minor", [6, 12])
def test_runs_under_pyenv_python(pyz, minor):
    python = pyenv_python(minor)
    helped = _run([python, pyz, "--help"])
    assert helped.returncode == 0, helped.stderr
    assert "preflight" in helped.stdout and "almalinux-migrate" in helped.stdout
    listed = _run([python, pyz, "--output", "json", "profiles"])
    assert listed.returncode == 0, listed.stderr
    assert {"almalinux", "centos-stream", "rocky"} <= {s["id"] for s in json.loads(listed.stdout)["sources"]}
    version = _run([python, pyz, "--version"])
    assert version.returncode == 0 and version.stdout.startswith("almalinux-migrate ")


def test_preamble_picks_the_system_python_which_has_the_bindings(pyz, world, mirror, centos9_root, trust_config):
    before = snapshot(centos9_root)
    result = run_cli(centos9_root, "preflight", "--downgrade", "--mirror", world.mirror_url(mirror),
                     config=trust_config, command=[pyz])
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert report["status"] == "ready"
    assert report["tool"]["python"] == _run(["/usr/bin/python3", "-c", "import platform; "
                                             "print(platform.python_version())"]).stdout.strip()
    assert report["plan"]["downgraded"] and report["source"]["id"] == "centos"
    assert diff_snapshots(before, snapshot(centos9_root)) == []


def test_pyz_report_matches_the_checkout(pyz, world, mirror, rocky9_root, trust_config):
    """Packaging changes nothing: same root, same options, same report (timestamps and the
    run's own id aside)."""
    args = ("preflight", "--mirror", world.mirror_url(mirror))
    from_pyz = run_cli(rocky9_root, *args, config=trust_config, command=[pyz]).document
    from_checkout = run_cli(rocky9_root, *args, config=trust_config).document
    assert _without_times(from_pyz) == _without_times(from_checkout)


def test_pyz_converts_rocky9(pyz, world, mirror, rocky9_root, trust_config):
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror),
                     config=trust_config, command=[pyz])
    assert result.returncode == 0, result
    assert assert_valid_report(result.document)["status"] == "converted"
    signatures = installed_signatures(rocky9_root)
    for name in world.swaps["rocky-9"].values():
        assert signatures[name] == world.keys["alma"].keyid
    verified = run_cli(rocky9_root, "verify", config=trust_config, command=[pyz])
    assert verified.returncode == 0, verified
    assert assert_valid_report(verified.document)["source"]["id"] == "almalinux"


def _without_times(document):
    if isinstance(document, dict):
        return dict((k, _without_times(v)) for k, v in document.items() if k not in ("started", "finished", "run_id"))
    if isinstance(document, list):
        return [_without_times(v) for v in document]
    return document

"""The one-file build: built from this checkout, run with the host's interpreter (preamble),
with pyenv's 3.6 and 3.12 (no rpm/dnf bindings there), and used to preflight and convert."""
import json
import subprocess
import sys
import zipfile

import pytest

from tests.packaging.conftest import build, bytecode_args, pyenv_python
from tests.sandbox.cli import diff_snapshots, installed_signatures, run_cli, snapshot
from tests.sandbox.test_signals import stopped_while_loading
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
    # pygments: what start-up imports and the Python lexer (rich tracebacks), no other language.
    lexers = sorted(n for n in names if n.startswith("pygments/lexers/"))
    assert lexers == ["pygments/lexers/__init__.py", "pygments/lexers/_mapping.py", "pygments/lexers/python.py"]
    assert not [n for n in names if n.startswith(("pygments/formatters/", "pygments/styles/monokai"))]
    # Bytecode for this interpreter and the two passed, each with its index.
    tags = sorted(set(n.split("/")[1] for n in names if n.startswith("_pyc/")))
    assert tags == sorted({sys.implementation.cache_tag, "cpython-36", "cpython-312"})
    for tag in tags:
        assert "_pyc/%s/INDEX" % tag in names and "_pyc/%s/migrate/cli.pyc" % tag in names


# Runs the archive as `python FILE ARGS` does, then names the loader of a few modules.
LOADERS = """import runpy, sys
sys.argv = [sys.argv[1], "--version"]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
except SystemExit:
    pass
print(" ".join(type(sys.modules[m].__loader__).__name__ for m in ("migrate.cli", "typer", "pygments.lexer")))
"""


@pytest.mark.parametrize("minor", [6, 12, 10])
def test_bytecode_serves_the_interpreters_built_for_and_source_the_others(pyz, minor):
    loaded = _run([pyenv_python(minor), "-I", "-c", LOADERS, pyz])
    assert loaded.returncode == 0, loaded.stderr
    lines = loaded.stdout.splitlines()
    assert lines[0].startswith("almalinux-migrate ")
    expected = "zipimporter" if minor == 10 else "_Bytecode"  # no 3.10 bytecode was built
    assert lines[1] == " ".join([expected] * 3)


TRACEBACK = """import io, sys
sys.path[:0] = [sys.argv[1]] + ([sys.argv[1] + "/_vendor36"] if sys.version_info < (3, 7) else [])
from rich.console import Console
from rich.traceback import Traceback
from migrate.profiles import load_profiles
try:
    load_profiles("/nonexistent")
except Exception:
    console = Console(file=io.StringIO(), width=100)
    console.print(Traceback())
    print(console.file.getvalue())
"""


@pytest.mark.parametrize("minor", [6, 12])
def test_pruned_pygments_still_renders_a_rich_traceback(pyz, minor):
    rendered = _run([pyenv_python(minor), "-I", "-c", TRACEBACK, pyz])
    assert rendered.returncode == 0, rendered.stderr
    assert "Traceback" in rendered.stdout and "ProfileError" in rendered.stdout


def test_same_sources_same_bytes(pyz, tmp_path):
    again = str(tmp_path / "again.pyz")
    build("pyz/build.py", again, *bytecode_args())
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


@pytest.mark.parametrize("slow", ["migrate.cli", "typer"])
def test_a_signal_while_the_archive_loads_exits_4_with_one_document(pyz, slow, tmp_path):
    """Its __main__ (the RPM's too) goes through migrate.launch. Run as `python FILE` (the
    preamble's -I would drop the PYTHONPATH that slows one import down)."""
    stopped_while_loading(["/usr/bin/python3", pyz], "SIGINT", slow, "json", tmp_path, pythonpath=(), cwd="/")

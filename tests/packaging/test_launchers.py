"""Both ways in (the pyz's sh preamble and the RPM's /usr/bin launcher) pick the interpreter
that owns the bindings: platform-python when it exists (EL8), else /usr/bin/python3. The
EL8 and the no-python cases are staged in a private mount namespace (unshare -m), so this
machine's /usr/libexec and /usr/bin are never changed."""
import subprocess

import pytest

from tests.packaging.test_rpm import EL9, rpm, scratch_root

FAKE_PLATFORM_PYTHON = """#!/bin/sh
echo "platform-python $*" > {marker}
exec /usr/bin/python3 "$@"
"""


def in_namespace(setup, argv):
    """Run argv after the shell commands in setup, in a mount namespace of its own."""
    script = "set -e; %s; exec \"$@\"" % setup
    return subprocess.run(["unshare", "-m", "sh", "-c", script, "sh"] + argv, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, cwd="/")


@pytest.fixture(params=["pyz", "rpm"])
def tool(request, tmp_path):
    if request.param == "pyz":
        return request.getfixturevalue("pyz")
    root = scratch_root(tmp_path, EL9)
    assert rpm(root, "-i", request.getfixturevalue("rpm_package")).returncode == 0
    return str(root / "usr" / "bin" / "almalinux-migrate")


def test_system_python3_when_there_is_no_platform_python(tool):
    result = subprocess.run([tool, "--output", "json", "profiles"], stdout=subprocess.PIPE, universal_newlines=True)
    assert result.returncode == 0 and '"centos-stream"' in result.stdout


def test_platform_python_first(tool, tmp_path):
    marker = tmp_path / "chosen"
    fake = tmp_path / "platform-python"
    fake.write_text(FAKE_PLATFORM_PYTHON.format(marker=marker))
    fake.chmod(0o755)
    setup = ("mount -t tmpfs tmpfs /usr/libexec && cp %s /usr/libexec/platform-python" % fake)
    result = in_namespace(setup, [tool, "--version"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("almalinux-migrate ")
    assert marker.read_text().startswith("platform-python -I ")


def test_no_interpreter_is_a_clear_error(tool):
    setup = "mount -t tmpfs tmpfs /usr/libexec && mount --bind /dev/null /usr/bin/python3"
    result = in_namespace(setup, [tool, "--version"])
    assert result.returncode == 1
    assert "neither /usr/libexec/platform-python nor /usr/bin/python3" in result.stderr

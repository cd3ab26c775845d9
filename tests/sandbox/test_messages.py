"""Messages that send the operator the right way: a bad --target, a version the mirror lacks,
and the tool run by a Python without the rpm bindings."""
import glob
import json
import os
import subprocess
import sys

from tests.sandbox.cli import REPO, run_cli
from tests.schema import assert_valid_report


def test_garbage_target_is_a_usage_error(world, mirror, rocky9_root, trust_config):
    result = run_cli(rocky9_root, "preflight", "--target", "abc", "--mirror", world.mirror_url(mirror),
                     output="text", config=trust_config)
    assert result.returncode == 2, result
    assert "--target abc" in result.stderr and "9.4" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


def test_target_version_the_mirror_lacks_is_named(world, mirror, rocky9_root, trust_config):
    result = run_cli(rocky9_root, "preflight", "--target", "9.9", "--mirror", world.mirror_url(mirror),
                     config=trust_config)
    assert result.returncode == 3, result
    findings = dict((f["id"], f) for f in assert_valid_report(result.document)["findings"])
    assert "TARGET_VERSION_MISSING" in findings and "MIRROR_UNREACHABLE" not in findings
    assert "AlmaLinux 9.9 is not on the mirror" in findings["TARGET_VERSION_MISSING"]["detail"]


def test_python_without_rpm_bindings_names_the_interpreter(world, rocky9_root, trust_config):
    """-S keeps the system's dist-packages (rpm, dnf) off the path; typer and rich still come
    from the venv: exactly a pyenv/SCL python with the pyz's own dependencies."""
    site = glob.glob(os.path.join(os.path.dirname(os.path.dirname(sys.executable)), "lib", "python3*",
                                  "site-packages"))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([REPO] + site))
    argv = ["/usr/bin/python3", "-S", "-m", "migrate", "--root", str(rocky9_root), "--config", str(trust_config),
            "--output", "json", "preflight"]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                          env=env, cwd=REPO)
    assert proc.returncode == 3, proc.stderr
    findings = dict((f["id"], f) for f in assert_valid_report(json.loads(proc.stdout))["findings"])
    assert "RPMDB_UNREADABLE" not in findings
    assert "/usr/bin/python3" in findings["RPM_BINDINGS_MISSING"]["detail"]
    assert "rebuilddb" not in proc.stdout

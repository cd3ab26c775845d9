"""vagrant/: the Vagrantfile passes `vagrant validate`, the scripts pass shellcheck, and
run-matrix.sh with the real provisioner converts and verifies sandbox roots through a
stand-in vagrant (no VMs here), then prints its table."""
import json
import os
import subprocess
import sys

from tests.sandbox.cli import REPO

VAGRANT_DIR = os.path.join(REPO, "vagrant")
SCRIPTS = ["vagrant/run-matrix.sh", "vagrant/provision/migrate.sh", "packaging/pyz/preamble.sh",
           "packaging/rpm/almalinux-migrate.sh"]
MACHINES = ["centos-stream-8", "centos-stream-9", "centos-8", "rocky-8", "rocky-9", "oracle-8", "oracle-9",
            "eurolinux-8", "eurolinux-9", "almalinux-9"]


def vagrant_validate(tmp_path, pyz):
    env = dict(os.environ, VAGRANT_HOME=str(tmp_path / "vagrant-home"), ALMALINUX_MIGRATE_PYZ=pyz,
               VAGRANT_DOTFILE_PATH=str(tmp_path / "dotfile"), VAGRANT_CHECKPOINT_DISABLE="1")
    return subprocess.run(["vagrant", "validate", "--ignore-provider"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True, cwd=VAGRANT_DIR, env=env)


def test_vagrantfile_validates_with_every_machine(tmp_path, pyz):
    result = vagrant_validate(tmp_path, pyz)
    assert result.returncode == 0, result.stdout
    assert "Vagrantfile validated successfully." in result.stdout
    assert [line.split(":")[0][4:] for line in result.stdout.splitlines() if line.startswith("==> ")] == MACHINES
    missing = vagrant_validate(tmp_path, str(tmp_path / "no.pyz"))  # the check is live
    assert missing.returncode == 1 and "must exist" in missing.stdout


def test_scripts_pass_shellcheck():
    result = subprocess.run(["shellcheck"] + SCRIPTS, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, cwd=REPO)
    assert result.returncode == 0, result.stdout


def test_run_matrix_converts_reboots_verifies_and_tabulates(tmp_path, world, mirror, pyz, trust_config):
    machines = {
        "rocky-9": {"root": world.copy_root("rocky-9", str(tmp_path / "rocky-9")),
                    "args": "--mirror %s" % world.mirror_url(mirror)},
        "centos-stream-9": {"root": world.copy_root("centos-stream-9", str(tmp_path / "centos-stream-9")),
                            "args": "--mirror %s" % world.mirror_url(mirror)},  # no --downgrade: blocked
    }
    setup = {"machines": machines, "pyz": pyz, "config": str(trust_config), "workdir": str(tmp_path)}
    fake = "%s %s" % (sys.executable, os.path.join(REPO, "tests", "packaging", "fake_vagrant.py"))
    env = dict(os.environ, VAGRANT=fake, FAKE_VAGRANT=json.dumps(setup), LOGS=str(tmp_path / "logs"))
    result = subprocess.run([os.path.join(VAGRANT_DIR, "run-matrix.sh")], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True, env=env, timeout=600)
    assert result.returncode == 1, result.stdout  # one machine was blocked
    lines = result.stdout.splitlines()
    assert lines[0].split()[:5] == ["machine", "result", "source", "convert", "verify"]
    rows = dict((line.split()[0], line.split()) for line in lines[1:3])
    kinds = world.kinds["rocky-9"]
    leftovers = str(len(kinds["source_only"]) + len(kinds["third_party"]))
    assert rows["rocky-9"][1:7] == ["converted", "rocky-9.4", "0/converted", "0", "converted", leftovers]
    assert rows["centos-stream-9"][1:4] == ["blocked", "centos-9", "3/blocked"]
    assert "DOWNGRADE_REQUIRED" in rows["centos-stream-9"]
    assert 'ID="almalinux"' in open(os.path.join(machines["rocky-9"]["root"], "etc", "os-release")).read()
    calls = (tmp_path / "calls").read_text().splitlines()
    assert calls == ["status --machine-readable", "up rocky-9", "destroy -f rocky-9",
                     "up centos-stream-9", "destroy -f centos-stream-9"]

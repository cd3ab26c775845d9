"""vagrant/: the Vagrantfile passes `vagrant validate` and names a box for every supported
source and major of profiles/ that has one, the scripts pass shellcheck, and run-matrix.sh
with the real provisioner converts and verifies sandbox roots through a stand-in vagrant (no
VMs here), then prints its table and records which ran where."""
import json
import os
import platform
import subprocess
import sys

from migrate.profiles import load_profiles
from tests.sandbox.cli import REPO

VAGRANT_DIR = os.path.join(REPO, "vagrant")
SCRIPTS = ["vagrant/run-matrix.sh", "vagrant/provision/migrate.sh", "packaging/pyz/preamble.sh",
           "packaging/rpm/almalinux-migrate.sh"]


def vagrant_validate(tmp_path, pyz, **extra):
    env = dict(os.environ, VAGRANT_HOME=str(tmp_path / "vagrant-home"), ALMALINUX_MIGRATE_PYZ=pyz,
               VAGRANT_DOTFILE_PATH=str(tmp_path / "dotfile"), VAGRANT_CHECKPOINT_DISABLE="1", **extra)
    return subprocess.run(["vagrant", "validate", "--ignore-provider"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True, cwd=VAGRANT_DIR, env=env)


def vagrantfile_lists(tmp_path, pyz):
    """The Vagrantfile's MACHINES and NO_PUBLIC_BOX, as Vagrant itself evaluates them."""
    listed = tmp_path / "machines.json"
    result = vagrant_validate(tmp_path, pyz, ALMALINUX_MIGRATE_LIST=str(listed))
    assert result.returncode == 0, result.stdout
    document = json.loads(listed.read_text())
    return document["machines"], document["no_public_box"], result


def test_vagrantfile_validates_with_every_machine(tmp_path, pyz):
    machines, _, result = vagrantfile_lists(tmp_path, pyz)
    assert "Vagrantfile validated successfully." in result.stdout
    assert [line.split(":")[0][4:] for line in result.stdout.splitlines() if line.startswith("==> ")] == list(
        machines)
    missing = vagrant_validate(tmp_path, str(tmp_path / "no.pyz"))  # the check is live
    assert missing.returncode == 1 and "must exist" in missing.stdout


def test_every_supported_source_and_major_has_a_box_or_says_why_not(tmp_path, pyz):
    machines, no_box, _ = vagrantfile_lists(tmp_path, pyz)
    majors = dict((profile.id, set(profile.majors)) for profile in load_profiles().sources)
    for name, machine in machines.items():
        assert machine["major"] in majors[machine["source"]], name  # a source and major profiles/ has
        aarch64 = machine.get("arch") == "arm64" or machine["box"].startswith("generic-a64/")
        assert name.endswith("-aarch64") == aarch64, name  # run-matrix.sh picks machines by the suffix
        if machine["source"] == "centos-stream":
            assert "--downgrade" in machine["args"].split(), name  # Stream is ahead of AlmaLinux
    x86 = set("%s-%d" % (m["source"], m["major"]) for n, m in machines.items() if not n.endswith("-aarch64"))
    supported = set("%s-%d" % (source, major) for source, ms in majors.items() for major in ms)
    assert not x86 & set(no_box), x86 & set(no_box)
    assert sorted(x86 | set(no_box)) == sorted(supported)
    assert all(reason for reason in no_box.values())
    # EL10 and aarch64 are in the matrix.
    assert {"centos-stream-10", "rocky-10", "oracle-10", "almalinux-10"} <= x86
    assert len([n for n in machines if n.endswith("-aarch64")]) >= 5


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
    # Not this host's architecture: listed by vagrant status, left out by run-matrix.sh.
    other = "rocky-9-aarch64" if platform.machine() != "aarch64" else "rocky-9-x86_64"
    setup = {"machines": dict(machines, **{other: machines["rocky-9"]}), "pyz": pyz, "config": str(trust_config),
             "workdir": str(tmp_path)}
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
    assert calls == ["status --machine-readable", "--version", "up rocky-9", "destroy -f rocky-9",
                     "up centos-stream-9", "destroy -f centos-stream-9"]
    # Which ran where: one line per machine, appended to LOGS/matrix.tsv.
    recorded = [line.split("\t") for line in (tmp_path / "logs" / "matrix.tsv").read_text().splitlines()]
    assert recorded[0] == ["when", "host", "host_arch", "provider", "vagrant", "machine", "result", "convert",
                           "verify", "seconds"]
    assert [(r[2], r[4], r[5], r[6], r[7]) for r in recorded[1:]] == [
        (platform.machine(), "Vagrant 2.3.4", "rocky-9", "converted", "0"),
        (platform.machine(), "Vagrant 2.3.4", "centos-stream-9", "blocked", "3")]
    assert "ran on: %s (%s)" % (platform.node(), platform.machine()) in result.stdout

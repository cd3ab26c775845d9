"""The one container verdict: marker files and /proc first, systemd-detect-virt for the rest."""
import io
import os

from migrate.facts.boot.container import detect_container, find_container, parse_cgroup, parse_environ
from migrate.root import Root
from tests.boot_machines import DETECT_VIRT, OUTPUT, output
from tests.factories import mount
from tests.kit import FakeRunner, LiveRoot, write


def _fixture(name):
    with io.open(os.path.join(OUTPUT, name), "rb") as handle:
        return handle.read().decode("utf-8")


def test_container_evidence():
    assert parse_environ(_fixture("proc-1-environ.podman.bin")) == "podman"
    assert parse_cgroup(_fixture("proc-1-cgroup.docker-v1.txt")) == "docker"
    assert parse_cgroup(_fixture("proc-1-cgroup.host-v2.txt")) == ""


def test_container_markers_in_a_root(tmp_path):
    write(Root(str(tmp_path)), "/run/.containerenv")
    assert find_container(Root(str(tmp_path)), ()) == "podman"
    other = Root(str(tmp_path / "vm"))
    write(other, "/proc/1/cgroup", _fixture("proc-1-cgroup.host-v2.txt"))
    assert find_container(other, ()) == ""


def test_files_decide_without_asking_systemd(tmp_path):
    root = LiveRoot(str(tmp_path))
    write(root, "/.dockerenv")
    runner = FakeRunner({})
    assert detect_container(root, runner, ()) == "docker" and runner.calls == []


def test_lxcfs_mount_is_lxc(tmp_path):
    runner = FakeRunner({})
    lxcfs = (mount("/proc/meminfo", "fuse.lxcfs", source="lxcfs"),)
    assert detect_container(LiveRoot(str(tmp_path)), runner, lxcfs) == "lxc" and runner.calls == []


def test_systemd_detect_virt_tells_what_the_files_do_not(tmp_path):
    root = LiveRoot(str(tmp_path))
    assert detect_container(root, FakeRunner({DETECT_VIRT: output("container", "detect-virt-docker.txt")}), ()) == "docker"
    assert detect_container(root, FakeRunner({DETECT_VIRT: (1, output("container", "detect-virt-none.txt"))}), ()) == ""
    assert detect_container(root, FakeRunner({DETECT_VIRT: (127, "")}), ()) == ""  # not installed

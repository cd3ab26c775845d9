"""Fault injection: a conversion killed anywhere ends, after `resume`, exactly where an
uninterrupted one does; one that fails before the point of no return leaves the root
byte-identical. Resumes after the point of no return run with no network at all."""
import json
import os
import shutil
import signal
import subprocess

import pytest

from migrate import __version__
from migrate.steps import conversion_phases, conversion_steps
from tests.sandbox.cli import (KILL_AFTER_ITEMS, KILL_BEFORE, OFFLINE, diff_snapshots, end_state,
                               run_cli, snapshot)
from tests.sandbox.fixture import serve
from tests.sandbox.fixture.hosts import build_host
from tests.sandbox.fixture.roots import copy_root
from tests.schema import assert_valid_report

STEPS = [s.id for s in conversion_steps()]
LATE = [s.id for p in conversion_phases() if not p.reversible for s in p.steps]
# Every boundary the engine can be killed at: before each step, and right after the journal
# records the point of no return (before the first step past it starts).
BOUNDARIES = STEPS + ["POINT_OF_NO_RETURN"]
PAST_POINT_OF_NO_RETURN = LATE[1:] + ["POINT_OF_NO_RETURN"]


@pytest.fixture(scope="module")
def reference(world, mirror, tmp_path_factory):
    """The end state of an uninterrupted conversion of the CentOS Stream 9 host."""
    root = world.copy_root("centos-stream-9", str(tmp_path_factory.mktemp("reference") / "root"))
    config = _config(world, tmp_path_factory.mktemp("reference-config"))
    result = run_cli(root, *_convert_args(world, mirror), config=config)
    assert result.returncode == 0, result
    return end_state(root)


def _config(world, directory):
    path = os.path.join(str(directory), "trust.toml")
    with open(path, "w") as handle:
        handle.write('[trust]\nextra_fingerprints = ["%s"]\n' % world.keys["alma"].fingerprint)
    return path


def _convert_args(world, mirror):
    return ["convert", "--yes", "--downgrade", "--mirror", world.mirror_url(mirror)]


def _resume(root, config, offline):
    result = run_cli(root, "resume", "--yes", prefix=OFFLINE if offline else (), config=config)
    assert result.returncode == 0, result
    assert assert_valid_report(result.document)["status"] == "converted"


def _can_unshare():
    return subprocess.call(list(OFFLINE) + ["true"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0


@pytest.mark.parametrize("step", BOUNDARIES)
def test_killed_before_each_step_resumes_to_the_same_end_state(step, world, mirror, centos9_root,
                                                               trust_config, reference):
    killed = run_cli(centos9_root, *_convert_args(world, mirror), config=trust_config, env={KILL_BEFORE: step})
    assert killed.returncode == -signal.SIGKILL, killed
    journal = run_cli(centos9_root, "status").document
    assert journal["state"] == "interrupted" and journal["journal_state"] == "running"
    assert journal["point_of_no_return_passed"] == (step in PAST_POINT_OF_NO_RETURN)
    _resume(centos9_root, trust_config, offline=step in PAST_POINT_OF_NO_RETURN)
    assert end_state(centos9_root) == reference


@pytest.mark.parametrize("items", [1, 25, 60, 98])
def test_killed_inside_the_transaction_resumes_offline_to_the_same_end_state(items, world, mirror, centos9_root,
                                                                              trust_config, reference):
    assert _can_unshare(), "unshare --net must work here (root, util-linux)"
    killed = run_cli(centos9_root, *_convert_args(world, mirror), config=trust_config,
                     env={KILL_AFTER_ITEMS: str(items)})
    assert killed.returncode == -signal.SIGKILL, killed
    assert run_cli(centos9_root, "rollback", config=trust_config).returncode == 3  # past the point of no return
    _resume(centos9_root, trust_config, offline=True)
    assert end_state(centos9_root) == reference


# Three Rocky kernels, the newest of them AlmaLinux's very NEVRA (reinstalled as AlmaLinux's):
# a kill anywhere in the transaction leaves old and new records of packages, kernels among them.
KERNEL_HOST = "rocky-9-kernels3"
KERNEL_KILL_POINTS = [1, 6, 11, 16, 21, 26, 31, 36, 41, 46, 51]  # of its 53 transaction items


def _kernel_args(mirror):
    return ["convert", "--yes", "--mirror", mirror.rstrip("/") + "/hosts/almalinux"]


@pytest.fixture(scope="module")
def kernel_reference(world, mirror, tmp_path_factory):
    """The end state of an uninterrupted conversion of the host with three kernels."""
    root = copy_root(build_host(world, KERNEL_HOST).root, str(tmp_path_factory.mktemp("kernels") / "root"))
    result = run_cli(root, *_kernel_args(mirror), config=_config(world, tmp_path_factory.mktemp("kernels-config")))
    assert result.returncode == 0, result
    state = end_state(root)
    kernels = [p for p in state["packages"] if p.startswith("kernel-core-")]
    assert len(kernels) == 3, kernels  # every kernel kept, the newest now AlmaLinux's
    return state


@pytest.mark.parametrize("step", BOUNDARIES)
def test_killed_before_each_step_on_a_host_with_kernels_resumes_with_them(step, world, mirror, trust_config,
                                                                         kernel_reference, tmp_path):
    root = copy_root(build_host(world, KERNEL_HOST).root, str(tmp_path / "root"))
    killed = run_cli(root, *_kernel_args(mirror), config=trust_config, env={KILL_BEFORE: step})
    assert killed.returncode == -signal.SIGKILL, killed
    _resume(root, trust_config, offline=step in PAST_POINT_OF_NO_RETURN)
    assert end_state(root) == kernel_reference


@pytest.mark.parametrize("items", KERNEL_KILL_POINTS)
def test_killed_inside_the_transaction_on_a_host_with_kernels_keeps_them(items, world, mirror, trust_config,
                                                                        kernel_reference, tmp_path):
    """Resume finds old and new records side by side: the duplicate cleanup erases the old
    vendor's copy of an ordinary package or of one kernel NEVRA, never an older kernel."""
    root = copy_root(build_host(world, KERNEL_HOST).root, str(tmp_path / "root"))
    killed = run_cli(root, *_kernel_args(mirror), config=trust_config, env={KILL_AFTER_ITEMS: str(items)})
    assert killed.returncode == -signal.SIGKILL, killed
    _resume(root, trust_config, offline=True)
    assert end_state(root) == kernel_reference


@pytest.mark.parametrize("step", [s for s in BOUNDARIES if s not in PAST_POINT_OF_NO_RETURN])
def test_killed_before_the_point_of_no_return_rolls_back_to_the_same_bytes(step, world, mirror, rocky9_root,
                                                                           trust_config):
    before = snapshot(rocky9_root)
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={KILL_BEFORE: step})
    assert killed.returncode == -signal.SIGKILL
    rolled = run_cli(rocky9_root, "rollback", config=trust_config)
    assert rolled.returncode == 0, rolled
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def _broken_mirror(world, tmp_path, breaker):
    tree = tmp_path / "srv"
    shutil.copytree(os.path.join(world.srv, world.mirrors["almalinux"]), str(tree / "almalinux"), symlinks=True)
    breaker(tree / "almalinux")
    return tree


def _truncate_one_package(mirror_dir):
    package = sorted((mirror_dir / "9.4" / "BaseOS" / "x86_64" / "os").rglob("zlib-*.rpm"))[0]
    data = package.read_bytes()
    package.write_bytes(data[: len(data) // 2])


def _remove_all_packages(mirror_dir):
    for package in mirror_dir.rglob("*.rpm"):
        package.unlink()


@pytest.mark.parametrize("breaker", [_truncate_one_package, _remove_all_packages],
                         ids=["truncated-download", "packages-gone"])
def test_download_failures_roll_back_and_leave_the_root_unchanged(breaker, world, rocky9_root, trust_config, tmp_path):
    server = serve(str(_broken_mirror(world, tmp_path, breaker)))
    try:
        before = snapshot(rocky9_root)
        result = run_cli(rocky9_root, "convert", "--yes", "--mirror", server.url + "/almalinux", config=trust_config)
    finally:
        server.stop()
    assert result.returncode == 4, result
    report = assert_valid_report(result.document)
    assert dict((s["id"], s["outcome"]) for s in report["steps"])["DOWNLOAD_PACKAGES"] == "failed"
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_full_download_cache_rolls_back_and_leaves_the_root_unchanged(world, mirror, rocky9_root, trust_config):
    """The package cache on a 400 KiB tmpfs (in a private mount namespace): metadata fits,
    the packages do not."""
    cache = rocky9_root / "var" / "lib" / "almalinux-migrate" / "dnf-cache"
    cache.mkdir(parents=True)
    before = snapshot(rocky9_root)
    script = 'mount -t tmpfs -o size=400k tmpfs "$0" && exec "$@"'
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     prefix=["unshare", "--mount", "sh", "-c", script, str(cache)])
    assert result.returncode == 4, result
    steps = dict((s["id"], s) for s in assert_valid_report(result.document)["steps"])
    assert steps["DOWNLOAD_PACKAGES"]["outcome"] == "failed"
    assert "not enough space" in steps["DOWNLOAD_PACKAGES"]["detail"]
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_a_journal_of_an_older_tool_is_migrated_and_resumed(world, mirror, rocky9_root, trust_config):
    """A host killed past the point of no return by a tool that wrote schema 1 (no schema key,
    no tool_version) and resumed by this one: migrated in memory, finished, saved as this schema."""
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={KILL_BEFORE: "DISTRO_SYNC"})
    assert killed.returncode == -signal.SIGKILL, killed
    path = rocky9_root / "var" / "lib" / "almalinux-migrate" / "journal.json"
    journal = json.loads(path.read_text())
    del journal["schema"], journal["tool_version"]
    path.write_text(json.dumps(journal))
    _resume(rocky9_root, trust_config, offline=True)
    status = run_cli(rocky9_root, "status").document
    assert (status["state"], status["schema"], status["tool_version"]) == \
        ("done", "almalinux-migrate/journal/2", __version__)


def test_corrupted_journal_is_refused_without_a_guess(rocky9_root, trust_config, world, mirror):
    state = rocky9_root / "var" / "lib" / "almalinux-migrate"
    state.mkdir(parents=True)
    (state / "journal.json").write_text('{"schema": "almalinux-migrate/journal/1", "steps": [')
    before = snapshot(rocky9_root)
    for command in (["resume", "--yes"], ["rollback"], ["status"]):
        result = run_cli(rocky9_root, *command)
        assert result.returncode == 1 and "corrupted" in result.stderr, result
        assert "Traceback" not in result.stderr
    convert = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert convert.returncode == 3
    assert "CONVERSION_IN_PROGRESS" in [f["id"] for f in convert.document["findings"]]
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_resume_on_boot_unit_exists_only_while_the_conversion_runs(world, mirror, rocky9_root, trust_config):
    unit = rocky9_root / "etc" / "systemd" / "system" / "almalinux-migrate-resume.service"
    wants = rocky9_root / "etc" / "systemd" / "system" / "multi-user.target.wants" / unit.name
    args = ["convert", "--yes", "--resume-on-boot", "--mirror", world.mirror_url(mirror)]
    killed = run_cli(rocky9_root, *args, config=trust_config, env={KILL_BEFORE: "DISTRO_SYNC"})
    assert killed.returncode == -signal.SIGKILL
    assert "ExecStart=" in unit.read_text() and "resume --yes" in unit.read_text()
    assert os.readlink(str(wants)) == "/etc/systemd/system/" + unit.name
    _resume(rocky9_root, trust_config, offline=True)
    assert not unit.exists() and not os.path.lexists(str(wants))


def test_rollback_removes_the_resume_unit(world, mirror, rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    unit = rocky9_root / "etc" / "systemd" / "system" / "almalinux-migrate-resume.service"
    killed = run_cli(rocky9_root, "convert", "--yes", "--resume-on-boot", "--mirror", world.mirror_url(mirror),
                     config=trust_config, env={KILL_BEFORE: LATE[0]})
    assert killed.returncode == -signal.SIGKILL and unit.exists()
    assert run_cli(rocky9_root, "status").document["point_of_no_return_passed"] is False
    assert run_cli(rocky9_root, "rollback", config=trust_config).returncode == 0
    assert diff_snapshots(before, snapshot(rocky9_root)) == []

"""The environment failing under the tool: full disks (small tmpfs mounts), a read-only root,
configs that are not config files, a reader that went away. Each maps to its documented exit
code with one JSON document and no traceback on the screen."""
import contextlib
import os
import subprocess
import sys

import pytest

from tests.sandbox.cli import OFFLINE, REPO, diff_snapshots, end_state, read_events, run_cli, snapshot
from tests.schema import assert_valid_report

FILL_BEFORE = "ALMALINUX_MIGRATE_TEST_FILL_BEFORE"
FILLER = ".almalinux-migrate-test-filler"


@contextlib.contextmanager
def tmpfs(path, size):
    """A tmpfs of SIZE mounted at PATH for the block (we run as root); always unmounted."""
    os.makedirs(str(path), exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s" % size, "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        if subprocess.call(["umount", str(path)]) != 0:
            subprocess.call(["umount", "-l", str(path)])


@contextlib.contextmanager
def read_only(path):
    """PATH bind-mounted read-only onto itself for the block."""
    subprocess.run(["mount", "--bind", str(path), str(path)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
        yield path
    finally:
        if subprocess.call(["umount", str(path)]) != 0:
            subprocess.call(["umount", "-l", str(path)])


def _convert_args(world, mirror):
    return ["convert", "--yes", "--downgrade", "--mirror", world.mirror_url(mirror)]


def _no_traceback(result):
    assert "Traceback" not in result.stderr, result


def test_full_state_dir_before_the_point_of_no_return_rolls_back(world, mirror, rocky9_root, trust_config):
    state = rocky9_root / "var" / "lib" / "almalinux-migrate"
    with tmpfs(state, "64m"):
        before = snapshot(rocky9_root)
        result = run_cli(rocky9_root, *_convert_args(world, mirror), config=trust_config,
                         env={FILL_BEFORE: "BACKUP_FILES"})
        _no_traceback(result)
        assert result.returncode == 4, result
        report = assert_valid_report(result.document)
        assert report["status"] == "rolled_back" and "No space left" in report["message"]
        assert diff_snapshots(before, snapshot(rocky9_root)) == []
        # the journal was saved on the full disk: the reserved space was given up for it
        assert run_cli(rocky9_root, "status").document["state"] == "rolled_back"


def test_full_root_after_the_point_of_no_return_stops_for_resume(world, mirror, trust_config, tmp_path):
    reference_root = world.copy_root("centos-stream-9", str(tmp_path / "reference"))
    assert run_cli(reference_root, *_convert_args(world, mirror), config=trust_config).returncode == 0
    with tmpfs(tmp_path / "disk", "160m") as disk:
        root = world.copy_root("centos-stream-9", str(disk / "root"))
        state = os.path.join(root, "var", "lib", "almalinux-migrate")
        result = run_cli(root, *_convert_args(world, mirror), config=trust_config,
                         env={FILL_BEFORE: "DISTRO_SYNC"})
        _no_traceback(result)
        assert result.returncode == 5, [(f["id"], f["detail"]) for f in result.document["findings"]]
        report = assert_valid_report(result.document)
        assert report["status"] == "failed"
        assert dict((s["id"], s["outcome"]) for s in report["steps"])["DISTRO_SYNC"] == "failed"
        journal = run_cli(root, "status").document
        assert journal["journal_state"] == "failed" and journal["point_of_no_return_passed"] is True
        os.unlink(os.path.join(state, FILLER))  # the person frees space
        resumed = run_cli(root, "resume", "--yes", prefix=OFFLINE, config=trust_config)
        assert resumed.returncode == 0, resumed
        assert end_state(root) == end_state(reference_root)


def test_full_events_file_before_the_point_of_no_return_rolls_back(world, mirror, rocky9_root, trust_config,
                                                                   tmp_path):
    with tmpfs(tmp_path / "events", "8k") as events_dir:
        before = snapshot(rocky9_root)
        events = events_dir / "events.jsonl"
        result = run_cli(rocky9_root, *_convert_args(world, mirror), "--events", str(events),
                         config=trust_config)
        _no_traceback(result)
        assert result.returncode == 4, result
        report = assert_valid_report(result.document)
        assert report["status"] == "rolled_back" and "events file" in report["message"]
        assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_full_events_file_after_the_point_of_no_return_never_stops_the_conversion(world, mirror, rocky9_root,
                                                                                  trust_config, tmp_path):
    with tmpfs(tmp_path / "events", "1m") as events_dir:
        events = events_dir / "events.jsonl"
        result = run_cli(rocky9_root, *_convert_args(world, mirror), "--events", str(events),
                         config=trust_config, env={FILL_BEFORE: "DISTRO_SYNC:%s" % events_dir})
        _no_traceback(result)
        assert result.returncode == 0, result
        report = assert_valid_report(result.document)
        assert report["status"] == "converted"
        assert "EVENTS_INCOMPLETE" in [f["id"] for f in report["findings"]]
        assert "point_of_no_return" in [e["event"] for e in read_events(events)]


COMMANDS = [["preflight"], ["convert", "--yes"], ["resume", "--yes"], ["rollback"], ["verify"], ["bundle"]]


def test_read_only_root_is_refused_with_exit_3_by_every_command_that_writes(rocky9_root):
    before = snapshot(rocky9_root)
    with read_only(rocky9_root):
        for command in COMMANDS:
            result = run_cli(rocky9_root, *command)
            _no_traceback(result)
            assert result.returncode == 3, (command, result)
            report = assert_valid_report(result.document)
            assert [f["id"] for f in report["findings"]] == ["ROOT_READ_ONLY"], command
        status = run_cli(rocky9_root, "status")
        assert status.returncode == 0 and status.document["state"] == "none"
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def _fifo(tmp_path):
    path = tmp_path / "fifo.toml"
    os.mkfifo(str(path))
    return path


def _latin1(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(b"# d\xe9p\xf4t\n[repos]\nthird_party = \"keep\"\n")
    return path


def _directory(tmp_path):
    path = tmp_path / "config.d"
    path.mkdir()
    return path


@pytest.mark.parametrize("make", [_fifo, _latin1, _directory], ids=["fifo", "not-utf8", "directory"])
def test_a_config_that_is_not_a_readable_utf8_file_is_a_usage_error(make, rocky9_root, tmp_path):
    result = run_cli(rocky9_root, "preflight", config=make(tmp_path), timeout=60)
    _no_traceback(result)
    assert result.returncode == 2, result
    report = assert_valid_report(result.document)
    assert report["status"] == "error" and [f["id"] for f in report["findings"]] == ["CONFIG_INVALID"]


def _run_into_closed_pipe(root, *args, config=None):
    """The CLI with a stdout whose reader is gone (`... | head -0`)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    argv = [sys.executable, "-m", "migrate", "--root", str(root)]
    if config is not None:
        argv += ["--config", str(config)]
    try:
        proc = subprocess.run(argv + list(args), stdout=write_end, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, universal_newlines=True, cwd=REPO,
                              env=dict(os.environ, PYTHONPATH=REPO), timeout=600)
    finally:
        os.close(write_end)
    return proc


def test_a_reader_that_went_away_changes_nothing_but_the_output(world, mirror, rocky9_root, trust_config):
    status = _run_into_closed_pipe(rocky9_root, "--output", "json", "status")
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stderr
    converted = _run_into_closed_pipe(rocky9_root, *_convert_args(world, mirror), config=trust_config)
    assert converted.returncode == 0 and "Traceback" not in converted.stderr, converted.stderr
    assert run_cli(rocky9_root, "status").document["state"] == "done"


def test_a_journal_missing_keys_is_refused_in_one_line(rocky9_root):
    state = rocky9_root / "var" / "lib" / "almalinux-migrate"
    state.mkdir(parents=True)
    (state / "journal.json").write_text('{"schema": "almalinux-migrate/journal/1", "steps": []}')
    for command in (["resume", "--yes"], ["rollback"], ["status"]):
        result = run_cli(rocky9_root, *command)
        _no_traceback(result)
        assert result.returncode == 1 and "lacks" in result.stderr, result
        assert [f["id"] for f in assert_valid_report(result.document)["findings"]] == ["JOURNAL_CORRUPTED"]


def test_a_journal_of_a_newer_tool_names_the_version_that_resumes_it(rocky9_root):
    state = rocky9_root / "var" / "lib" / "almalinux-migrate"
    state.mkdir(parents=True)
    (state / "journal.json").write_text('{"schema": "almalinux-migrate/journal/9", '
                                         '"tool_version": "9.1.0", "state": "failed", "steps": []}')
    for command in (["resume", "--yes"], ["rollback"], ["status"]):
        result = run_cli(rocky9_root, *command)
        _no_traceback(result)
        assert result.returncode == 3 and "almalinux-migrate 9.1.0 or later" in result.stderr, result
        assert [f["id"] for f in assert_valid_report(result.document)["findings"]] == ["JOURNAL_TOO_NEW"]


def test_usage_errors_print_one_json_document(rocky9_root):
    for args, command in ((["convert", "--bogus"], "convert"), (["no-such-command"], None),
                          (["preflight", "--third-party", "maybe"], "preflight"), (["convert"], "convert")):
        result = run_cli(rocky9_root, *args)
        assert result.returncode == 2, (args, result)
        report = assert_valid_report(result.document)
        assert report["status"] == "error" and report["command"] == command
        assert [f["id"] for f in report["findings"]] == ["USAGE_ERROR"]



@pytest.mark.parametrize("step,code,status", [("DOWNLOAD_PACKAGES", 4, "rolled_back"), ("DISTRO_SYNC", 0, "converted")])
def test_a_full_log_disk_stops_the_run_before_the_point_of_no_return_and_never_after(
        step, code, status, world, mirror, rocky9_root, trust_config):
    log_dir = rocky9_root / "var" / "log"
    with tmpfs(log_dir, "1m"):
        result = run_cli(rocky9_root, *_convert_args(world, mirror), config=trust_config,
                         env={FILL_BEFORE: "%s:%s" % (step, log_dir)})
        _no_traceback(result)
        assert result.returncode == code, result
        report = assert_valid_report(result.document)
        assert report["status"] == status
        assert "LOG_INCOMPLETE" in [f["id"] for f in report["findings"]]
        if code == 4:
            assert "cannot write the log" in report["message"]

"""What an operator sees and keeps: progress bars on a terminal (through a real pseudo-
terminal), plain lines elsewhere, events a panel can draw from, a log that tells the story,
every run's log and report kept, and a bundle with the conversion's own report."""
import json
import os
import pty
import re
import struct
import subprocess
import sys
import tarfile
import termios
import threading
import fcntl

from migrate.steps import conversion_steps
from tests.sandbox.cli import REPO, read_events, run_cli
from tests.schema import assert_valid_report

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _convert(world, mirror, root, config, *extra, **kwargs):
    return run_cli(root, "convert", "--yes", "--mirror", world.mirror_url(mirror), *extra, config=config, **kwargs)


def _run_on_pty(root, config, *args):
    """The real CLI with stderr on a pseudo-terminal (120x40); (returncode, stdout, screen text)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    argv = [sys.executable, "-m", "migrate", "--root", str(root), "--config", str(config),
            "--output", "json"] + [str(a) for a in args]
    env = dict(os.environ, PYTHONPATH=REPO, TERM="xterm-256color")
    env.pop("COLUMNS", None)
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL,
                            cwd=REPO, env=env)
    os.close(slave)
    chunks = []

    def drain():
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every writer closed the terminal
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout = proc.stdout.read()
    proc.wait(timeout=600)
    reader.join(timeout=60)
    os.close(master)
    return proc.returncode, stdout.decode(), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_progress_bars(world, mirror, rocky9_root, trust_config):
    rc, stdout, screen = _run_on_pty(rocky9_root, trust_config, "convert", "--yes", "--mirror",
                                     world.mirror_url(mirror))
    assert rc == 0, screen[-3000:]
    assert assert_valid_report(json.loads(stdout))["status"] == "converted"
    assert ANSI.search(screen)  # rich drew on the terminal
    text = ANSI.sub("", screen)
    # the download: bytes done/total, speed and time left
    download = [line for line in text.splitlines() if "DOWNLOAD_PACKAGES" in line and "━" in line]
    assert download and re.search(r"[0-9.]+/[0-9.]+ (bytes|kB|MB)", download[-1]), download[-1:]
    assert "ETA" in download[-1] and "/s" in download[-1]
    # the transaction: items done/total and the package at hand
    sync = [line for line in text.splitlines() if "DISTRO_SYNC" in line and "━" in line]
    assert sync and re.search(r"\b(\d+)/\1 transaction items", sync[-1]), sync[-1:]
    assert re.search(r"\.(x86_64|noarch)", sync[-1])
    assert "DISTRO_SYNC: " not in text  # no plain lines on a terminal
    assert "Traceback" not in text
    assert not [line for line in download if "packages" in line]  # bytes from the start


def test_pipe_gets_plain_lines_and_events_that_never_go_back(world, mirror, rocky9_root, trust_config, tmp_path):
    (rocky9_root / "etc" / "hostname").write_text("web01.example.net\n")
    events = tmp_path / "events.jsonl"
    result = _convert(world, mirror, rocky9_root, trust_config, "--events", events)
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert "\x1b[" not in result.stderr and "━" not in result.stderr
    assert re.search(r"DISTRO_SYNC: \d+/\d+ transaction items", result.stderr)

    records = read_events(events)
    started = records[0]
    assert started["event"] == "run_started" and started["command"] == "convert"
    assert started["run_id"] == report["run_id"] and len(started["run_id"]) == 32
    assert started["hostname"] == report["hostname"] == "web01.example.net"
    assert started["version"] == report["tool"]["version"]
    steps = [s.id for s in conversion_steps()]
    for kind in ("step_started", "step_finished"):
        seen = [e for e in records if e["event"] == kind]
        assert [e["step"] for e in seen] == steps
        assert [e["index"] for e in seen] == list(range(1, len(steps) + 1))
        assert all(e["total"] == len(steps) and e["title"] for e in seen)
    assert all(e["outcome"] in ("done", "skipped") for e in records if e["event"] == "step_finished")
    progress = [e for e in records if e["event"] == "progress"]
    assert set(e["step"] for e in progress) >= {"DOWNLOAD_PACKAGES", "DISTRO_SYNC"}
    for step in set(e["step"] for e in progress):
        done = [e["done"] for e in progress if e["step"] == step]
        assert done == sorted(done) and done[-1] <= progress[-1]["total"]
    percents = [e["percent"] for e in progress]
    assert percents == sorted(percents) and 0 < percents[-1] <= 100


def test_log_and_reports_kept_per_run_and_bundled(world, mirror, rocky9_root, trust_config, tmp_path):
    url = world.mirror_url(mirror)
    preflight = run_cli(rocky9_root, "preflight", "--mirror", url, "--proxy", "http://ann:pw1234@127.0.0.1:9",
                        config=trust_config, env={"no_proxy": "127.0.0.1"})
    assert preflight.returncode == 0, preflight
    convert = _convert(world, mirror, rocky9_root, trust_config)
    assert convert.returncode == 0, convert
    report = assert_valid_report(convert.document)
    assert report["config_files"] == [{"path": "/etc/confpkg.conf.rpmnew", "kind": "rpmnew"}]
    verify = run_cli(rocky9_root, "verify", config=trust_config)
    assert verify.returncode == 0, verify

    runs = rocky9_root / "var" / "log" / "almalinux-migrate"
    names = sorted(os.listdir(str(runs)))
    commands = [re.match(r"^\d{8}T\d{6}Z-([a-z]+)-[0-9a-f]{8}\.(log|json)$", n).group(1, 2) for n in names]
    assert sorted(commands) == sorted((c, k) for c in ("preflight", "convert", "verify") for k in ("log", "json"))
    kept = dict((c + "." + k, runs / n) for n, (c, k) in zip(names, commands))
    assert assert_valid_report(json.loads(kept["convert.json"].read_text()))["run_id"] == report["run_id"]
    latest = rocky9_root / "var" / "log" / "almalinux-migrate-report.json"
    assert json.loads(latest.read_text())["command"] == "verify"
    latest_log = (rocky9_root / "var" / "log" / "almalinux-migrate.log").read_text()
    assert latest_log == kept["verify.log"].read_text()

    story = kept["convert.log"].read_text()
    assert "almalinux-migrate %s convert (run %s)" % (report["tool"]["version"], report["run_id"]) in story
    assert "command line: " in story and "-> target: AlmaLinux 9" in story
    for finding in report["findings"]:
        assert "finding %s (%s" % (finding["id"], finding["severity"]) in story
    for step in report["steps"]:
        assert re.search(r"step \d+/\d+ %s started" % step["id"], story)
        assert re.search(r"step %s finished: %s in [0-9.]+s" % (step["id"], step["outcome"]), story)
    assert "rpmkeys" in story and "digests signatures OK" in story  # subprocess output
    assert story.rstrip().splitlines()[-1].endswith("finished convert: status converted, exit code 0: "
                                                    "Reboot to finish: the running kernel and services "
                                                    "are still the old ones.")
    pre_log = kept["preflight.log"].read_text()
    assert "pw1234" not in pre_log and "http://ann:***@127.0.0.1:9" in pre_log

    bundle = run_cli(rocky9_root, "bundle", "--file", tmp_path / "b.tar.gz")
    assert bundle.returncode == 0, bundle
    with tarfile.open(str(tmp_path / "b.tar.gz")) as archive:
        members = archive.getnames()
        convert_report = json.load(archive.extractfile("bundle/var/log/almalinux-migrate/" + kept["convert.json"].name))
    assert convert_report["command"] == "convert" and convert_report["run_id"] == report["run_id"]
    assert "bundle/var/log/almalinux-migrate-report.json" in members
    assert "bundle/var/log/almalinux-migrate/" + kept["convert.log"].name in members

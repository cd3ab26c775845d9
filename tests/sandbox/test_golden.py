"""Golden reports and event streams of sandbox runs, captured before the architecture refactor
and compared after it: the refactor must not change what users see.

Each scenario runs the real CLI on one fresh host and compares the normalised JSON (see
tests/sandbox/golden.py for what is normalised and why) with tests/fixtures/golden/NAME.json.
Re-capture, only when a behaviour change is intended:

    GOLDEN_UPDATE=1 .venv/bin/python -m pytest -q tests/sandbox/test_golden.py
"""
import signal

from tests.sandbox.arch_world import build_arch_host
from tests.sandbox.cli import KILL_BEFORE, read_events, run_cli
from tests.sandbox.fixture import serve
from tests.sandbox.golden import Normaliser, check


def _normaliser(world, root, mirror, tmp_path):
    return Normaliser({root: "<ROOT>", tmp_path: "<TMP>", mirror: "<MIRROR>"}, world.keys)


def _run(norm, root, *args, **kwargs):
    """{exit_code, report} of one CLI run, normalised."""
    result = run_cli(root, *args, **kwargs)
    assert result.stdout.strip(), result
    return {"exit_code": result.returncode, "report": norm.value(result.document)}


def test_preflight_ready_rocky9(world, mirror, rocky9_root, trust_config, tmp_path):
    norm = _normaliser(world, rocky9_root, mirror, tmp_path)
    check("preflight_ready_rocky9", _run(norm, rocky9_root, "preflight", "--mirror", world.mirror_url(mirror),
                                         config=trust_config))


def test_preflight_blocked_stream9_without_downgrade(world, mirror, centos9_root, trust_config, tmp_path):
    norm = _normaliser(world, centos9_root, mirror, tmp_path)
    check("preflight_blocked_stream9", _run(norm, centos9_root, "preflight", "--mirror",
                                            world.mirror_url(mirror), config=trust_config))


def test_convert_verify_status_rocky9(world, mirror, rocky9_root, trust_config, tmp_path):
    norm = _normaliser(world, rocky9_root, mirror, tmp_path)
    events = tmp_path / "events.jsonl"
    runs = {"convert": _run(norm, rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror),
                            "--events", events, config=trust_config)}
    runs["verify"] = _run(norm, rocky9_root, "verify", config=trust_config)
    runs["verify_boot"] = _run(norm, rocky9_root, "verify", "--boot", config=trust_config)
    runs["status"] = _run(norm, rocky9_root, "status")
    runs["events"] = norm.events(read_events(events))
    check("convert_rocky9", runs)


def test_convert_stream9_with_downgrade(world, mirror, centos9_root, trust_config, tmp_path):
    norm = _normaliser(world, centos9_root, mirror, tmp_path)
    events = tmp_path / "events.jsonl"
    runs = {"convert": _run(norm, centos9_root, "convert", "--yes", "--downgrade", "--mirror",
                            world.mirror_url(mirror), "--events", events, config=trust_config)}
    runs["events"] = norm.events(read_events(events))
    check("convert_stream9_downgrade", runs)


def test_tampered_mirror_rolls_back_before_the_point_of_no_return(world, mirror, rocky9_root, trust_config,
                                                                 tmp_path):
    norm = _normaliser(world, rocky9_root, mirror, tmp_path)
    events = tmp_path / "events.jsonl"
    runs = {"convert": _run(norm, rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror, "tampered"),
                            "--events", events, config=trust_config)}
    runs["status"] = _run(norm, rocky9_root, "status")
    runs["events"] = norm.events(read_events(events))
    check("rollback_tampered_rocky9", runs)


def test_killed_after_the_point_of_no_return_then_resumed(world, mirror, rocky9_root, trust_config, tmp_path):
    norm = _normaliser(world, rocky9_root, mirror, tmp_path)
    killed_events, resumed_events = tmp_path / "killed.jsonl", tmp_path / "resumed.jsonl"
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), "--events",
                     killed_events, config=trust_config, env={KILL_BEFORE: "DISTRO_SYNC"})
    assert killed.returncode == -signal.SIGKILL, killed
    runs = {"killed_events": norm.events(read_events(killed_events))}
    runs["status_interrupted"] = _run(norm, rocky9_root, "status")
    runs["rollback_refused"] = _run(norm, rocky9_root, "rollback", config=trust_config)
    runs["resume"] = _run(norm, rocky9_root, "resume", "--yes", "--events", resumed_events, config=trust_config)
    runs["resumed_events"] = norm.events(read_events(resumed_events))
    runs["status_converted"] = _run(norm, rocky9_root, "status")
    check("resume_after_point_of_no_return_rocky9", runs)


def test_preflight_convert_verify_boot_s390x(world, trust_config, tmp_path):
    """A host of another architecture (tests/sandbox/arch_world.py): its kernel and zipl are
    converted, the boot path itself is skipped under --root and verify --boot says so."""
    srv, root = build_arch_host(world, "s390x", tmp_path / "build")
    norm = _normaliser(world, root, srv, tmp_path)
    events = tmp_path / "events.jsonl"
    with serve(srv) as server:
        mirror = server.url + "/almalinux"
        runs = {"preflight": _run(norm, root, "preflight", "--mirror", mirror, config=trust_config)}
        runs["convert"] = _run(norm, root, "convert", "--yes", "--mirror", mirror, "--events", events,
                               config=trust_config)
    runs["verify_boot"] = _run(norm, root, "verify", "--boot", config=trust_config)
    runs["events"] = norm.events(read_events(events))
    check("convert_s390x", runs)

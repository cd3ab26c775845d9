"""The Ansible role, run by the real ansible-playbook over a local inventory whose hosts are
sandbox roots (ansible_connection=local, --root per host), converted in parallel (forks)."""
import json
import os
import re
import subprocess
import sys

from tests.sandbox.cli import KILL_BEFORE, REPO, diff_snapshots, read_events, snapshot
from tests.schema import assert_valid_report

PLAYBOOK = os.path.join(REPO, "ansible", "convert.yml")


def ansible_env(tmp_path):
    """Everything Ansible writes stays under tmp_path (no ~/.ansible on this machine)."""
    home = tmp_path / "ansible-home"
    os.makedirs(str(home), exist_ok=True)
    return dict(os.environ, HOME=str(home), ANSIBLE_HOME=str(home), ANSIBLE_LOCAL_TEMP=str(home / "tmp"),
                ANSIBLE_REMOTE_TEMP=str(home / "remote"), ANSIBLE_ASYNC_DIR=str(home / "async"),
                ANSIBLE_ROLES_PATH=os.path.join(REPO, "ansible", "roles"), ANSIBLE_NOCOLOR="1",
                ANSIBLE_RETRY_FILES_ENABLED="0", ANSIBLE_LOCALHOST_WARNING="0",
                ANSIBLE_INVENTORY_UNPARSED_WARNING="0")


def run_playbook(tmp_path, inventory, *extra, env=None):
    path = tmp_path / "inventory.yml"
    path.write_text(json.dumps(inventory))  # JSON is YAML
    playbook = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")
    argv = [playbook, "-i", str(path), "-f", "4", PLAYBOOK] + list(extra)
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                          env=dict(ansible_env(tmp_path), **(env or {})), cwd=str(tmp_path), timeout=900)


def sandbox_inventory(hosts, pyz, config, mirror_url, tmp_path):
    return {"all": {"vars": {
        "ansible_connection": "local", "ansible_python_interpreter": "/usr/bin/python3", "ansible_become": False,
        "almalinux_migrate_install": "pyz", "almalinux_migrate_pyz_src": pyz,
        "almalinux_migrate_path": str(tmp_path / "bin") + "/{{ inventory_hostname }}/almalinux-migrate",
        "almalinux_migrate_config": str(config), "almalinux_migrate_mirror": mirror_url,
        "almalinux_migrate_events": "{{ almalinux_migrate_root }}/var/log/almalinux-migrate-events.jsonl",
        "almalinux_migrate_report_dir": str(tmp_path / "reports"), "almalinux_migrate_poll": 1,
    }, "hosts": hosts}}


def test_role_converts_sandbox_hosts_in_parallel_and_stops_blocked_ones(world, mirror, pyz, trust_config, tmp_path):
    roots = {}
    for host, pristine in (("stream-a", "centos-stream-9"), ("stream-b", "centos-stream-9"),
                           ("rocky", "rocky-9"), ("stream-blocked", "centos-stream-9")):
        roots[host] = world.copy_root(pristine, str(tmp_path / "roots" / host))
    hosts = dict((host, {"almalinux_migrate_root": root, "almalinux_migrate_downgrade": host.startswith("stream-")
                         and host != "stream-blocked"}) for host, root in roots.items())
    # --allow reaches the tool (an unknown option would be exit 2); DOWNGRADE_REQUIRED is not overridable.
    hosts["stream-blocked"]["almalinux_migrate_allow"] = ["DOWNGRADE_REQUIRED"]
    blocked_before = snapshot(roots["stream-blocked"])
    summary = tmp_path / "summary.json"
    result = run_playbook(tmp_path, sandbox_inventory(hosts, pyz, trust_config, world.mirror_url(mirror), tmp_path),
                          "-e", "almalinux_migrate_summary=%s" % summary)
    assert result.returncode == 0, result.stdout[-6000:]

    rows = dict((row["host"], row) for row in json.loads(summary.read_text()))
    assert sorted(rows) == sorted(roots)
    for host in ("stream-a", "stream-b", "rocky"):
        assert (rows[host]["stage"], rows[host]["status"], rows[host]["exit_code"]) == ("verify", "converted", 0)
        assert 'ID="almalinux"' in open(os.path.join(roots[host], "etc", "os-release")).read()
        report = assert_valid_report(json.loads((tmp_path / "reports" / (host + ".json")).read_text()))
        assert report["command"] == "verify" and sorted(e["name"] for e in report["leftovers"]) == sorted(
            rows[host]["leftovers"])
    blocked = rows["stream-blocked"]
    assert (blocked["stage"], blocked["status"], blocked["exit_code"]) == ("preflight", "blocked", 3)
    assert [b["id"] for b in blocked["blockers"]] == ["DOWNGRADE_REQUIRED"]
    assert blocked["blockers"][0]["remediation"] and blocked["blockers"][0]["overridden"] is False
    report = assert_valid_report(json.loads((tmp_path / "reports" / "stream-blocked.json").read_text()))
    assert report["status"] == "blocked"
    assert diff_snapshots(blocked_before, snapshot(roots["stream-blocked"])) == []
    assert re.search(r"stream-blocked\s+: ok=\d+\s+changed=\d+\s+unreachable=0\s+failed=0", result.stdout)

    # Forks: the three conversions ran at the same time (each one's run overlaps the others').
    runs = []
    for host in ("stream-a", "stream-b", "rocky"):
        events = read_events(os.path.join(roots[host], "var", "log", "almalinux-migrate-events.jsonl"))
        runs.append((events[0]["ts"], events[-1]["ts"]))
        assert events[-1]["event"] == "run_finished" and events[-1]["exit_code"] == 0
    assert max(start for start, _ in runs) < min(end for _, end in runs), runs


def test_role_resumes_a_host_whose_conversion_was_killed(world, mirror, pyz, trust_config, tmp_path):
    root = world.copy_root("rocky-9", str(tmp_path / "roots" / "rocky"))
    inventory = sandbox_inventory({"rocky": {"almalinux_migrate_root": root}}, pyz, trust_config,
                                  world.mirror_url(mirror), tmp_path)
    summary = tmp_path / "summary.json"
    killed = run_playbook(tmp_path, inventory, "-e", "almalinux_migrate_summary=%s" % summary,
                          env={KILL_BEFORE: "DISTRO_SYNC"})  # after the point of no return
    assert killed.returncode == 2, killed.stdout[-6000:]
    assert "exit -9: killed by signal 9; run this play again to resume" in killed.stdout
    (row,) = json.loads(summary.read_text())
    assert (row["stage"], row["exit_code"]) == ("convert", -9) and "resume" in row["error"]

    resumed = run_playbook(tmp_path, inventory, "-e", "almalinux_migrate_summary=%s" % summary)
    assert resumed.returncode == 0, resumed.stdout[-6000:]
    (row,) = json.loads(summary.read_text())
    assert (row["stage"], row["status"], row["exit_code"]) == ("verify", "converted", 0)
    assert 'ID="almalinux"' in open(os.path.join(root, "etc", "os-release")).read()
    runs = [e for e in read_events(os.path.join(root, "var", "log", "almalinux-migrate-events.jsonl"))
            if e["event"] == "run_started"]
    assert [e["command"] for e in runs] == ["convert", "resume"]

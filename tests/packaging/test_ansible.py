"""The Ansible role, run by the real ansible-playbook over a local inventory whose hosts are
sandbox roots (ansible_connection=local, --root per host), converted in parallel (forks)."""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

from migrate.options.docs import role_default, role_options
from tests.sandbox.cli import KILL_BEFORE, REPO, diff_snapshots, read_events, snapshot
from tests.schema import assert_valid_report

PLAYBOOK = os.path.join(REPO, "ansible", "convert.yml")
ROLE = os.path.join(REPO, "ansible", "roles", "almalinux_migrate")
ANSIBLE_LINT = os.path.join(REPO, ".venv-lint", "bin", "ansible-lint")  # make .venv-lint/.done


def ansible_env(tmp_path):
    """Everything Ansible writes stays under tmp_path (no ~/.ansible on this machine)."""
    home = tmp_path / "ansible-home"
    os.makedirs(str(home), exist_ok=True)
    return dict(os.environ, HOME=str(home), ANSIBLE_HOME=str(home), ANSIBLE_LOCAL_TEMP=str(home / "tmp"),
                ANSIBLE_REMOTE_TEMP=str(home / "remote"), ANSIBLE_ASYNC_DIR=str(home / "async"),
                ANSIBLE_ROLES_PATH=os.path.join(REPO, "ansible", "roles"), ANSIBLE_NOCOLOR="1",
                ANSIBLE_RETRY_FILES_ENABLED="0", ANSIBLE_LOCALHOST_WARNING="0",
                ANSIBLE_INVENTORY_UNPARSED_WARNING="0")


def run_playbook(tmp_path, inventory, *extra, env=None, playbook_file=PLAYBOOK):
    path = tmp_path / "inventory.yml"
    path.write_text(json.dumps(inventory))  # JSON is YAML
    playbook = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")
    argv = [playbook, "-i", str(path), "-f", "4", playbook_file] + list(extra)
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
    # Each host's copy of the pyz is gone afterwards, blocked host included.
    assert sorted(os.listdir(str(tmp_path / "bin"))) == sorted(roots)
    assert [h for h in roots if os.path.exists(str(tmp_path / "bin" / h / "almalinux-migrate"))] == []


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


def test_the_generated_role_variables_are_yaml_with_the_tables_defaults():
    """migrate.options.docs writes them (tests/unit/options checks the text and the tasks)."""
    with open(os.path.join(ROLE, "defaults", "main.yml")) as handle:
        defaults = yaml.safe_load(handle)
    with open(os.path.join(ROLE, "meta", "argument_specs.yml")) as handle:
        specs = yaml.safe_load(handle)["argument_specs"]["main"]["options"]
    for option in role_options():
        assert defaults[option.variable] == specs[option.variable]["default"] == role_default(option), option.name
        assert specs[option.variable]["description"].startswith(option.flag), option.name
    assert {"almalinux_migrate_keep_rhsm", "almalinux_migrate_resume_on_boot"} <= set(defaults)
    assert sorted(specs) == sorted(defaults)  # and no variable is undocumented


def test_role_passes_ansible_lint_production(tmp_path):
    assert os.access(ANSIBLE_LINT, os.X_OK), "run make .venv-lint/.done"
    linted = subprocess.run([ANSIBLE_LINT, "--offline", "--nocolor", "--profile", "production"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                            cwd=os.path.join(REPO, "ansible"), env=ansible_env(tmp_path), timeout=900)
    assert linted.returncode == 0, linted.stdout[-6000:]
    assert "Profile 'production' was required, and it passed" in linted.stdout, linted.stdout[-3000:]


OWN_PLAYBOOK = """- name: A playbook of the user's own, far from the repository
  hosts: all
  gather_facts: false
  roles:
    - role: almalinux_migrate
  post_tasks:
    - name: Keep the result
      ansible.builtin.copy:
        content: "{{ almalinux_migrate_result | to_json }}"
        dest: "{{ result_dir }}/{{ inventory_hostname }}.json"
        mode: "0644"
      delegate_to: localhost
      check_mode: false
"""


def own_role_copy(tmp_path, pyz):
    """The role as a user installs it (a copy in a roles path of theirs), the pyz in its files/."""
    roles = tmp_path / "my-roles"
    shutil.copytree(ROLE, str(roles / "almalinux_migrate"))
    if pyz:
        os.makedirs(str(roles / "almalinux_migrate" / "files"))
        shutil.copy(pyz, str(roles / "almalinux_migrate" / "files" / "almalinux-migrate.pyz"))
    playbook = tmp_path / "site" / "play.yml"
    os.makedirs(str(playbook.parent))
    playbook.write_text(OWN_PLAYBOOK)
    return {"ANSIBLE_ROLES_PATH": str(roles)}, str(playbook)


def test_check_mode_from_any_playbook_runs_preflight_only_and_leaves_nothing(world, mirror, pyz, trust_config,
                                                                            tmp_path):
    root = world.copy_root("centos-stream-9", str(tmp_path / "roots" / "stream"))
    before = snapshot(root)
    env, playbook = own_role_copy(tmp_path, pyz)
    inventory = sandbox_inventory({"stream": {"almalinux_migrate_root": root, "almalinux_migrate_downgrade": True}},
                                  pyz, trust_config, world.mirror_url(mirror), tmp_path)
    del inventory["all"]["vars"]["almalinux_migrate_pyz_src"]  # the default: the role's files/
    os.makedirs(str(tmp_path / "results"))
    result = run_playbook(tmp_path, inventory, "--check", "-e", "result_dir=%s" % (tmp_path / "results"),
                          env=env, playbook_file=playbook)
    assert result.returncode == 0, result.stdout[-6000:]
    row = json.loads((tmp_path / "results" / "stream.json").read_text())
    assert (row["stage"], row["status"], row["exit_code"]) == ("preflight", "ready", 0)
    assert diff_snapshots(before, snapshot(root)) == []
    assert not os.path.exists(str(tmp_path / "bin" / "stream" / "almalinux-migrate"))  # copied, then removed
    assert re.search(r"stream\s+: ok=\d+\s+changed=\d+\s+unreachable=0\s+failed=0", result.stdout)


def test_missing_pyz_is_a_clear_failure_before_anything_runs(world, trust_config, tmp_path):
    root = world.copy_root("rocky-9", str(tmp_path / "roots" / "rocky"))
    before = snapshot(root)
    env, playbook = own_role_copy(tmp_path, None)
    inventory = sandbox_inventory({"rocky": {"almalinux_migrate_root": root}}, "unused", trust_config,
                                  "http://127.0.0.1:9/", tmp_path)
    del inventory["all"]["vars"]["almalinux_migrate_pyz_src"]
    result = run_playbook(tmp_path, inventory, "-e", "result_dir=%s" % tmp_path, env=env, playbook_file=playbook)
    assert result.returncode == 2, result.stdout[-6000:]
    assert "almalinux_migrate_pyz_src=almalinux-migrate.pyz is not on the controller: run make dist" in result.stdout
    assert diff_snapshots(before, snapshot(root)) == []

"""End to end: the real CLI converts sandbox hosts built from really signed packages."""
import tarfile

import pytest

from migrate.steps import conversion_steps
from tests.sandbox.cli import (dnf_check, dnf_history, installed_signatures, read_events, rpm_query,
                               run_cli)
from tests.schema import assert_valid_report


def _convert(root, mirror_url, config, *extra):
    return run_cli(root, "convert", "--yes", "--mirror", mirror_url, *extra, config=config)


def _assert_converted(world, root, result, source_name, tmp_path):
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert report["status"] == "converted" and report["exit_code"] == 0
    assert all(step["outcome"] in ("done", "skipped") for step in report["steps"])

    os_release = (root / "etc" / "os-release").read_text()
    assert 'ID="almalinux"' in os_release and 'VERSION_ID="9.4"' in os_release

    alma = world.keys["alma"].keyid
    signatures = installed_signatures(root)
    kinds = world.kinds[source_name]
    for name in kinds["swapped"]:
        assert name not in signatures, "%s is still installed" % name
    for name in world.swaps[source_name].values():
        assert signatures[name] == alma
    for kind in ("same_rebuilt", "same_resigned", "target_higher", "target_lower", "target_only"):
        for name in kinds.get(kind, []):
            assert signatures[name] == alma, "%s (%s) is signed by %s" % (name, kind, signatures[name])
    left = dict((e["name"], e["reason"]) for e in report["leftovers"])
    for name in kinds["source_only"]:
        assert left[name] == "no_counterpart" and signatures[name] == world.keys[
            "centos" if source_name.startswith("centos") else "rocky"].keyid
    for name in kinds["third_party"]:
        assert left[name] == "third_party" and signatures[name] == world.keys["thirdparty"].keyid
    assert set(left) == set(kinds["source_only"]) | set(kinds["third_party"])

    conf = root / "etc" / "confpkg.conf"
    assert "# edited by admin" in conf.read_text()
    assert (root / "etc" / "confpkg.conf.rpmnew").exists()
    assert (root / "etc" / "yum.repos.d" / "thirdparty.repo").exists()
    rc, output = dnf_check(root, tmp_path / "home")
    assert rc == 0 and output.strip() == "", output
    return report


def test_centos_stream9_converts_with_downgrade(world, mirror, centos9_root, trust_config, tmp_path):
    events = tmp_path / "events.jsonl"
    result = _convert(centos9_root, world.mirror_url(mirror), trust_config, "--downgrade", "--events", events)
    report = _assert_converted(world, centos9_root, result, "centos-stream-9", tmp_path)

    assert report["source"] == dict(report["source"], id="centos", name="CentOS Stream", version="9",
                                    major=9, arch="x86_64")
    assert sorted(e["name"] for e in report["plan"]["downgraded"]) == sorted(
        world.kinds["centos-stream-9"]["target_lower"])
    assert [e["name"] for e in report["plan"]["reinstalled"]].count("resigned") == 1
    assert {"kind": "branding", "from": ["centos-logos"], "to": ["almalinux-logos"]} in report["plan"]["swapped"]
    log = (centos9_root / "var" / "lib" / "posttest" / "log").read_text()
    assert "preun 1 centos" in log and "post 2 alma" in log

    repo = (centos9_root / "etc" / "yum.repos.d" / "almalinux-baseos.repo").read_text()
    assert "baseurl=%s/$releasever/BaseOS/$basearch/os/" % world.mirror_url(mirror) in repo
    assert "\n# mirrorlist=" in repo
    assert not (centos9_root / "etc" / "yum.repos.d" / "centos.repo").exists()

    backup = centos9_root / "var" / "lib" / "almalinux-migrate" / "backup"
    with tarfile.open(str(backup / "removed-packages.tar.gz")) as archive:
        archived = archive.getnames()
    assert "etc/centos-release" in archived and "etc/yum.repos.d/centos.repo" in archived
    assert (backup / "files" / "etc" / "yum.repos.d" / "centos.repo").exists()

    names = [e["event"] for e in read_events(events)]
    assert names[0] == "run_started" and names[-1] == "run_finished"
    assert names.index("point_of_no_return") < names.index("step_started", names.index("point_of_no_return"))
    finished = [e for e in read_events(events) if e["event"] == "step_finished"]
    assert [e["step"] for e in finished] == [s.id for s in conversion_steps()]
    assert dict((e["step"], e["outcome"]) for e in finished)["INSTALL_RESUME_UNIT"] == "skipped"
    assert any(e["event"] == "progress" and e["step"] == "DISTRO_SYNC" for e in read_events(events))
    assert read_events(events)[-1]["exit_code"] == 0

    cache = centos9_root / "var" / "lib" / "almalinux-migrate" / "dnf-cache"
    assert [p for p in cache.glob("*/packages*")] == []  # downloads removed before the exit

    # the transaction is in dnf's history, every item done (migrate/transaction/runner.py)
    rc, output = dnf_history(centos9_root, tmp_path / "home", "info", "last")
    assert rc == 0, output
    assert "almalinux-migrate convert" in output and "Success" in output, output
    altered = [line for line in output.splitlines() if line.strip().startswith(
        ("Upgrade", "Upgraded", "Downgrade", "Downgraded", "Install", "Removed", "Reinstall", "Reinstalled",
         "Obsolete", "Erase"))]
    detail = dict((step["id"], step["detail"]) for step in report["steps"])["DISTRO_SYNC"]
    assert len(altered) == int(detail.split(" ")[0]), (detail, output)
    assert not any("**" in line or "Error" in line for line in altered), output
    # ended in one sqlite transaction, not through dnf's fallback
    assert "ending the record directly failed" not in (centos9_root / "var/log/almalinux-migrate.log").read_text()


def test_rocky9_converts_without_downgrades(world, mirror, rocky9_root, trust_config, tmp_path):
    result = _convert(rocky9_root, world.mirror_url(mirror), trust_config)
    report = _assert_converted(world, rocky9_root, result, "rocky-9", tmp_path)
    assert report["plan"]["downgraded"] == []
    assert report["source"]["id"] == "rocky" and report["source"]["version"] == "9.4"


def test_converted_host_verifies_and_then_is_already_converted(world, mirror, rocky9_root, trust_config):
    assert _convert(rocky9_root, world.mirror_url(mirror), trust_config).returncode == 0

    verify = run_cli(rocky9_root, "verify", config=trust_config)
    report = assert_valid_report(verify.document)
    assert verify.returncode == 0 and report["status"] == "converted"
    assert set(e["name"] for e in report["leftovers"]) == set(
        world.kinds["rocky-9"]["source_only"]) | set(world.kinds["rocky-9"]["third_party"])

    again = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert again.returncode == 0 and assert_valid_report(again.document)["status"] == "already_converted"
    assert run_cli(rocky9_root, "convert", "--yes", config=trust_config).returncode == 0

    status = run_cli(rocky9_root, "status")
    assert status.returncode == 0 and status.document["state"] == "done"
    resume = run_cli(rocky9_root, "resume")
    assert resume.returncode == 3
    assert [f["id"] for f in assert_valid_report(resume.document)["findings"]] == ["NO_CONVERSION_IN_PROGRESS"]


def test_report_file_and_log_are_written_in_the_root(world, mirror, rocky9_root, trust_config):
    result = _convert(rocky9_root, world.mirror_url(mirror), trust_config)
    assert result.returncode == 0
    report_file = rocky9_root / "var" / "log" / "almalinux-migrate-report.json"
    assert report_file.exists()
    log = (rocky9_root / "var" / "log" / "almalinux-migrate.log").read_text()
    assert "rpmkeys" in log and "--checksig" in log  # subprocesses and their output are logged
    assert rpm_query(rocky9_root, "-q", "almalinux-release")[0].startswith("almalinux-release-9.4")


def _hook(root, phase, name, body):
    directory = root / "etc" / "almalinux-migrate" / "hooks.d" / phase
    directory.mkdir(parents=True, exist_ok=True)
    hook = directory / name
    hook.write_text("#!/bin/sh\n" + body)
    hook.chmod(0o755)


def test_hooks_run_around_the_conversion_with_the_outcome(world, mirror, rocky9_root, trust_config):
    _hook(rocky9_root, "pre-convert", "10-mark", 'echo "pre $ALMALINUX_MIGRATE_PHASE" >> /var/tmp/hooks.log\n')
    _hook(rocky9_root, "post-convert", "10-mark",
          'echo "post $ALMALINUX_MIGRATE_STATUS $ALMALINUX_MIGRATE_EXIT_CODE $ALMALINUX_MIGRATE_REPORT" '
          '>> /var/tmp/hooks.log\n')
    result = _convert(rocky9_root, world.mirror_url(mirror), trust_config)
    assert result.returncode == 0, result
    assert (rocky9_root / "var" / "tmp" / "hooks.log").read_text().splitlines() == [
        "pre pre-convert", "post converted 0 /var/log/almalinux-migrate-report.json"]


def test_a_failing_pre_convert_hook_stops_before_any_change(world, mirror, rocky9_root, trust_config):
    from tests.sandbox.cli import diff_snapshots, snapshot
    _hook(rocky9_root, "pre-convert", "50-refuse", "echo 'backup target /mnt/snap is not mounted' >&2\nexit 9\n")
    before = snapshot(rocky9_root)
    result = _convert(rocky9_root, world.mirror_url(mirror), trust_config)
    assert result.returncode == 3, result
    finding = [f for f in assert_valid_report(result.document)["findings"] if f["id"] == "PRE_CONVERT_HOOK_FAILED"]
    assert "exited 9: backup target /mnt/snap is not mounted" in finding[0]["detail"]
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


PANELS = {
    # name: (files that make it detected, {tool path: exit code})
    "cPanel": ({"usr/local/cpanel/cpanel": "", "usr/local/cpanel/version": "11.118.0.12\n"},
               {"/usr/local/cpanel/scripts/upcp": 0, "/usr/local/cpanel/scripts/check_cpanel_pkgs": 0}),
    "Plesk": ({"usr/local/psa/version": "18.0.58 CentOS 9 1800231213.09\n"}, {"/usr/sbin/plesk": 3}),
    "DirectAdmin": ({"usr/local/directadmin/directadmin": ""},
                    {"/usr/local/directadmin/custombuild/build": 0}),
}


@pytest.mark.parametrize("panel", sorted(PANELS))
def test_panel_repairs_run_after_the_reboot_by_verify_boot_and_a_failure_is_a_finding(
        panel, world, mirror, rocky9_root, trust_config, tmp_path):
    from migrate.profiles import load_panels
    markers, tools = PANELS[panel]
    for path, text in markers.items():
        (rocky9_root / path).parent.mkdir(parents=True, exist_ok=True)
        (rocky9_root / path).write_text(text)
    for path, code in tools.items():
        tool = rocky9_root / path.lstrip("/")
        tool.parent.mkdir(parents=True, exist_ok=True)
        tool.write_text('#!/bin/sh\necho "%s $*" >> /var/tmp/panel.log\nexit %d\n' % (path, code))
        tool.chmod(0o755)
    result = _convert(rocky9_root, world.mirror_url(mirror), trust_config)
    assert result.returncode == 0, result
    steps = dict((s["id"], s) for s in assert_valid_report(result.document)["steps"])
    assert steps["RUN_PANEL_ACTIONS"]["outcome"] == "done"
    assert "deferred to `almalinux-migrate verify --boot`" in steps["RUN_PANEL_ACTIONS"]["detail"]
    log = rocky9_root / "var" / "tmp" / "panel.log"
    assert not log.exists()  # the conversion itself runs no panel tool (they need the network)
    finding = [f for f in result.document["findings"] if f["id"] == "CONTROL_PANEL"][0]
    assert finding["data"]["panels"][0]["name"] == panel
    # after the reboot: verify --boot runs them, with progress, and reports the outcome
    events = tmp_path / "verify.ndjson"
    verified = run_cli(rocky9_root, "verify", "--boot", "--events", str(events), config=trust_config)
    report = assert_valid_report(verified.document)
    expected = [" ".join(argv) for p in load_panels() if p["name"] == panel for argv in p["post_convert"]]
    assert log.read_text().splitlines() == expected
    ids = [f["id"] for f in report["findings"] if f["id"].startswith("PANEL_ACTIONS")]
    assert ids == (["PANEL_ACTIONS_FAILED"] if panel == "Plesk" else ["PANEL_ACTIONS_DONE"])
    if panel == "Plesk":
        assert "FAILED (exit 3" in [f for f in report["findings"] if f["id"] == ids[0]][0]["detail"]
    progress = [e for e in read_events(str(events)) if e["event"] == "progress" and e["step"] == "PANEL_ACTIONS"]
    assert progress[-1]["done"] == progress[-1]["total"] == len(expected)
    # done ones are done; a failed one is retried by the next verify --boot
    again = assert_valid_report(run_cli(rocky9_root, "verify", "--boot", config=trust_config).document)
    assert [f["id"] for f in again["findings"] if f["id"].startswith("PANEL_ACTIONS")] == (
        ["PANEL_ACTIONS_FAILED"] if panel == "Plesk" else [])
    assert len(log.read_text().splitlines()) == len(expected) + (1 if panel == "Plesk" else 0)

"""Operator options end to end: --exclude and versionlock keep packages out of the sync (and
in the leftovers, reason `excluded`), an exclude that breaks the transaction blocks (3),
--reboot is refused under --root, and the login banner lives exactly as long as an
unfinished conversion."""
import json
import signal

from tests.sandbox.cli import KILL_BEFORE, diff_snapshots, installed_signatures, rpm_query, run_cli, snapshot
from tests.schema import assert_valid_report

from migrate.steps import conversion_phases, conversion_steps

MOTD = ("etc", "motd.d", "almalinux-migrate")


def _convert(world, mirror, root, config, *extra, **kwargs):
    return run_cli(root, "convert", "--yes", "--mirror", world.mirror_url(mirror), *extra, config=config, **kwargs)


def _nevras(root, *names):
    """{name: (installed NEVRAs, signing key)}: a rebuild of the same NEVRA changes the key."""
    keys = installed_signatures(root)
    return dict((n, (rpm_query(root, "-q", n), keys.get(n))) for n in names)


def _leftover(report, name):
    return [e for e in report["leftovers"] if e["name"] == name]


def test_exclude_keeps_matching_packages_out_of_the_sync(world, mirror, rocky9_root, trust_config):
    before = _nevras(rocky9_root, "pkg0003", "pkg0005", "bash")
    result = _convert(world, mirror, rocky9_root, trust_config, "--exclude", "pkg000[35]", "--exclude", "nomatch*")
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert report["status"] == "converted"
    after = _nevras(rocky9_root, "pkg0003", "pkg0005", "bash")
    assert after["pkg0003"] == before["pkg0003"] and after["pkg0005"] == before["pkg0005"]
    assert after["bash"] != before["bash"]  # the rest was synced
    for name in ("pkg0003", "pkg0005"):
        entry = _leftover(report, name)
        assert [e["reason"] for e in entry] == ["excluded"], report["leftovers"]
        assert entry[0]["nevra"].startswith(name + "-1.0-1.el9") and "Rocky" in entry[0]["vendor"]
        assert [e["reason"] for e in report["plan"]["left_alone"] if e["name"] == name] == ["excluded"]
    assert {"name": "pkg0003", "by": "exclude"} in report["plan"]["excluded"]
    assert not _leftover(report, "pkg0004")  # pkg0004 requires pkg0003 and was synced anyway


def test_config_exclude_and_preflight_plan(world, mirror, rocky9_root, trust_config, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text(trust_config.read_text() + '[packages]\nexclude = ["pkg0009"]\n')
    result = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), "--exclude", "pkg0008",
                     config=config)
    assert result.returncode == 0, result
    plan = assert_valid_report(result.document)["plan"]
    assert [e["name"] for e in plan["excluded"]] == ["pkg0008", "pkg0009"]
    synced = set(e["name"] for key in ("upgraded", "downgraded", "reinstalled", "removed") for e in plan[key])
    assert "pkg0008" not in synced and "pkg0009" not in synced and "pkg0010" in synced


def _lock(root, *entries):
    plugins = root / "etc" / "dnf" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    (plugins / "versionlock.conf").write_text("[main]\nenabled = 1\nlocklist = /etc/dnf/plugins/versionlock.list\n")
    (plugins / "versionlock.list").write_text("# locked by the admin\n" + "".join(e + "\n" for e in entries))


def test_versionlock_entries_are_honoured(world, mirror, rocky9_root, trust_config):
    _lock(rocky9_root, "pkg0013-0:1.0-1.el9.*", "!pkg0015-0:9.9-1.el9.*")
    before = _nevras(rocky9_root, "pkg0013", "pkg0015")
    result = _convert(world, mirror, rocky9_root, trust_config)
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    after = _nevras(rocky9_root, "pkg0013", "pkg0015")
    assert after["pkg0013"] == before["pkg0013"]
    assert after["pkg0015"] != before["pkg0015"]  # a `!` entry holds nothing installed
    assert [e["reason"] for e in _leftover(report, "pkg0013")] == ["excluded"]
    assert {"name": "pkg0013", "by": "versionlock"} in report["plan"]["excluded"]


def test_ignore_versionlock_syncs_locked_packages(world, mirror, rocky9_root, trust_config):
    _lock(rocky9_root, "pkg0013-0:1.0-1.el9.*")
    before = _nevras(rocky9_root, "pkg0013")
    result = _convert(world, mirror, rocky9_root, trust_config, "--ignore-versionlock")
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert _nevras(rocky9_root, "pkg0013") != before
    assert not _leftover(report, "pkg0013") and "excluded" not in report["plan"]


def test_exclude_that_breaks_the_transaction_blocks(world, mirror, rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    result = _convert(world, mirror, rocky9_root, trust_config, "--exclude", "rocky-release")
    assert result.returncode == 3, result
    report = assert_valid_report(result.document)
    blockers = [f for f in report["findings"] if f["severity"] == "blocker"]
    assert [f["id"] for f in blockers] == ["TRANSACTION_UNSOLVABLE"], blockers
    assert "rocky-release" in blockers[0]["detail"]
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_reboot_is_refused_under_root(world, mirror, rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    result = _convert(world, mirror, rocky9_root, trust_config, "--reboot")
    assert result.returncode == 2, result
    report = assert_valid_report(result.document)
    assert report["status"] == "error" and "--reboot" in json.dumps(report["findings"])
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


LATE = [s.id for p in conversion_phases() if not p.reversible for s in p.steps]
BANNER_STEP = "WRITE_LOGIN_BANNER"
EARLY_AFTER_BANNER = [s.id for s in conversion_steps()][[s.id for s in conversion_steps()].index(BANNER_STEP) + 1]


def _banner(root):
    path = root.joinpath(*MOTD)
    return path.read_text() if path.exists() else None


def test_banner_stays_past_the_point_of_no_return_until_resume_finishes(world, mirror, rocky9_root, trust_config):
    killed = _convert(world, mirror, rocky9_root, trust_config, env={KILL_BEFORE: LATE[1]})
    assert killed.returncode == -signal.SIGKILL, killed
    banner = _banner(rocky9_root)
    assert "UNFINISHED or FAILED" in banner and "almalinux-migrate resume" in banner, banner
    assert run_cli(rocky9_root, "rollback", config=trust_config).returncode == 3  # too late to undo: the banner stays
    assert _banner(rocky9_root) == banner
    resumed = run_cli(rocky9_root, "resume", "--yes", config=trust_config)
    assert resumed.returncode == 0, resumed
    assert assert_valid_report(resumed.document)["status"] == "converted"
    assert _banner(rocky9_root) is None
    assert not rocky9_root.joinpath("etc", "motd.d").exists()  # the directory it created, too


def test_banner_goes_with_rollback_and_the_root_is_as_it_was(world, mirror, rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    killed = _convert(world, mirror, rocky9_root, trust_config, env={KILL_BEFORE: EARLY_AFTER_BANNER})
    assert killed.returncode == -signal.SIGKILL, killed
    assert "almalinux-migrate resume" in _banner(rocky9_root)
    rolled = run_cli(rocky9_root, "rollback", config=trust_config)
    assert rolled.returncode == 0, rolled
    assert _banner(rocky9_root) is None
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_banner_kept_beside_the_admins_own_and_gone_after_success(world, mirror, rocky9_root, trust_config):
    motd_d = rocky9_root.joinpath("etc", "motd.d")
    motd_d.mkdir(parents=True)
    (motd_d / "admin").write_text("Property of Example Corp\n")
    result = _convert(world, mirror, rocky9_root, trust_config)
    assert result.returncode == 0, result
    steps = dict((s["id"], s["outcome"]) for s in result.document["steps"])
    assert steps["WRITE_LOGIN_BANNER"] == "done" and steps["REMOVE_LOGIN_BANNER"] == "done", steps
    assert sorted(p.name for p in motd_d.iterdir()) == ["admin"]


def test_resume_takes_the_excludes_from_the_journal(world, mirror, rocky9_root, trust_config):
    before = _nevras(rocky9_root, "pkg0003")
    killed = _convert(world, mirror, rocky9_root, trust_config, "--exclude", "pkg0003", env={KILL_BEFORE: "DISTRO_SYNC"})
    assert killed.returncode == -signal.SIGKILL, killed
    resumed = run_cli(rocky9_root, "resume", "--yes", config=trust_config)  # no --exclude here: resume has none
    assert resumed.returncode == 0, resumed
    report = assert_valid_report(resumed.document)
    assert _nevras(rocky9_root, "pkg0003") == before
    assert [e["reason"] for e in _leftover(report, "pkg0003")] == ["excluded"]
    verified = assert_valid_report(run_cli(rocky9_root, "verify", config=trust_config).document)
    assert [e["reason"] for e in _leftover(verified, "pkg0003")] == ["excluded"]

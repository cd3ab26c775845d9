"""The preflight checks on real sandbox roots: what rpm, dnf and a panel leave on disk is found,
and preflight leaves every root byte-identical, blocked or not."""
import subprocess

import pytest

from tests.sandbox.cli import diff_snapshots, run_cli, snapshot
from tests.schema import assert_valid_report

PLESK_OLD = "17.8.11 CentOS 7 1708180613.16\n"
CPANEL = "11.118.0.12\n"
RHSM_CONF = "[server]\nhostname = satellite.example.com\nprefix = /rhsm\nport = 443\n"
BTRFS_FSTAB = ("UUID=5c7b6c0e-6b0a-4a55-9d43-1f3f0f9f3b21 /     btrfs subvol=root,compress=zstd:1 0 0\n"
               "UUID=b2f1a3c4-1d2e-4f5a-8b9c-0d1e2f3a4b5c /boot xfs   defaults 0 0\n")


def _write(root, path, text, append=False):
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(str(target), "a" if append else "w") as handle:
        handle.write(text)


def _rpm(root, *args):
    """rpm writing the root's rpmdb, then one read: the first reader after a write rebuilds
    sqlite's WAL index (rpmdb.sqlite-shm), as any `rpm -q` on a real host has long done by the
    time someone runs preflight. Settled here, so the snapshot sees only what preflight does."""
    for extra in (list(args), ["-qa"]):
        argv = ["rpm", "--root", str(root), "--define", "_dbpath /var/lib/rpm"] + extra
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        assert proc.returncode == 0, proc.stderr


def _preflight(world, mirror, root, config, *extra):
    """Preflight with a snapshot around it: (exit code, findings by ID); asserts nothing changed."""
    before = snapshot(root)
    result = run_cli(root, "preflight", "--mirror", world.mirror_url(mirror), *extra, config=config)
    assert result.returncode in (0, 3), result
    report = assert_valid_report(result.document)
    assert diff_snapshots(before, snapshot(root)) == []
    return result.returncode, dict((f["id"], f) for f in report["findings"]), report


def _versionlock_and_excludes(world, root):
    _write(root, "/etc/dnf/plugins/versionlock.conf", "[main]\nenabled = 1\nlocklist = /etc/dnf/plugins/versionlock.list\n")
    _write(root, "/etc/dnf/plugins/versionlock.list", "# Added lock\nzlib-0:1.2.11-40.el9.*\n")
    _write(root, "/etc/dnf/dnf.conf", "exclude=posttest\n", append=True)


def _duplicate_zlib(world, root):
    _rpm(root, "-i", "--justdb", "--nodeps", "--nosignature", "--replacefiles", world.rpms["alma"]["zlib"])


def _old_plesk(world, root):
    _write(root, "/usr/local/psa/version", PLESK_OLD)


def _btrfs_fstab(world, root):
    _write(root, "/etc/fstab", BTRFS_FSTAB)


def _nothing(world, root):
    return None


# (root, what is done to it first, extra options, exit code, IDs that must be found)
HOSTS = [
    ("rocky-9", _nothing, (), 0, ["THIRD_PARTY_PACKAGES"]),
    ("centos-stream-9", _nothing, ("--downgrade",), 0, ["THIRD_PARTY_PACKAGES", "DOWNGRADE_REQUIRED"]),
    ("centos-stream-9", _nothing, (), 3, ["DOWNGRADE_REQUIRED"]),
    ("rocky-9", _versionlock_and_excludes, (), 0, ["VERSIONLOCK_ENTRIES", "DNF_EXCLUDES"]),
    ("rocky-9", _duplicate_zlib, (), 3, ["DUPLICATE_PACKAGES"]),
    ("centos-stream-9", _old_plesk, ("--downgrade",), 3, ["CONTROL_PANEL"]),
    ("rocky-9", _btrfs_fstab, (), 3, ["UNSUPPORTED_FILESYSTEM"]),
]


@pytest.mark.parametrize("name,prepare,extra,code,expected", HOSTS,
                         ids=["rocky", "stream", "stream-blocked", "versionlock", "duplicates", "plesk", "btrfs"])
def test_preflight_finds_and_changes_nothing(world, mirror, trust_config, tmp_path, name, prepare, extra, code,
                                             expected):
    root = tmp_path / name
    world.copy_root(name, root)
    prepare(world, root)
    returncode, findings, _ = _preflight(world, mirror, root, trust_config, *extra)
    assert returncode == code, findings
    assert set(expected) <= set(findings), sorted(findings)
    blockers = sorted(i for i, f in findings.items() if f["severity"] == "blocker" and not f["overridden"])
    assert blockers == ([] if code == 0 else [i for i in expected if findings[i]["severity"] == "blocker"])


def test_versionlock_and_excludes_are_named(world, mirror, rocky9_root, trust_config):
    _versionlock_and_excludes(world, rocky9_root)
    _, findings, report = _preflight(world, mirror, rocky9_root, trust_config)
    assert findings["VERSIONLOCK_ENTRIES"]["data"] == {"entries": ["zlib-0:1.2.11-40.el9.*"], "enabled": True,
                                                       "honoured": True}
    assert findings["DNF_EXCLUDES"]["data"] == {"excludes": ["posttest"]}
    # the lock holds zlib back (as --exclude would); dnf.conf's exclude= is not applied
    upgraded = set(e["name"] for e in report["plan"]["upgraded"])
    assert "posttest" in upgraded and "zlib" not in upgraded
    assert report["plan"]["excluded"] == [{"name": "zlib", "by": "versionlock"}]
    assert [e["reason"] for e in report["plan"]["left_alone"] if e["name"] == "zlib"] == ["excluded"]


def test_ignore_versionlock_lets_locked_packages_move(world, mirror, rocky9_root, trust_config):
    _versionlock_and_excludes(world, rocky9_root)
    _, findings, report = _preflight(world, mirror, rocky9_root, trust_config, "--ignore-versionlock")
    assert findings["VERSIONLOCK_ENTRIES"]["data"]["honoured"] is False
    assert {"zlib", "posttest"} <= set(e["name"] for e in report["plan"]["upgraded"])
    assert "excluded" not in report["plan"]


def test_duplicate_from_an_interrupted_transaction_blocks(world, mirror, rocky9_root, trust_config):
    _duplicate_zlib(world, rocky9_root)
    _, findings, _ = _preflight(world, mirror, rocky9_root, trust_config)
    assert findings["DUPLICATE_PACKAGES"]["data"]["packages"] == ["zlib-1.2.11-40.el9.x86_64",
                                                                  "zlib-1.2.11-41.el9.x86_64"]
    assert "TRANSACTION_UNSOLVABLE" not in findings  # blocked before the what-if


def test_duplicate_cannot_be_allowed(world, mirror, rocky9_root, trust_config):
    """dnf's transaction over such an rpmdb has items without a package: no what-if is possible."""
    _duplicate_zlib(world, rocky9_root)
    returncode, findings, _ = _preflight(world, mirror, rocky9_root, trust_config, "--allow", "DUPLICATE_PACKAGES")
    assert returncode == 3 and not findings["DUPLICATE_PACKAGES"]["overridden"]


def test_removed_dependency_blocks_and_names_both_packages(world, mirror, rocky9_root, trust_config):
    _rpm(rocky9_root, "-e", "--nodeps", "pkg0000")  # pkg0001 requires it
    returncode, findings, _ = _preflight(world, mirror, rocky9_root, trust_config)
    finding = findings["BROKEN_DEPENDENCIES"]
    assert returncode == 3 and finding["severity"] == "blocker"
    assert finding["data"]["dependencies"] == [{"package": "pkg0001-1.0-1.el9.x86_64", "requires": "pkg0000"}]
    assert "pkg0001-1.0-1.el9.x86_64 requires pkg0000" in finding["detail"]
    returncode, findings, report = _preflight(world, mirror, rocky9_root, trust_config, "--allow", "BROKEN_DEPENDENCIES")
    assert returncode == 0 and findings["BROKEN_DEPENDENCIES"]["overridden"]


def test_packages_without_a_repo(world, mirror, rocky9_root, trust_config):
    (rocky9_root / "etc/yum.repos.d/thirdparty.repo").unlink()  # the repo it came from is gone
    _rpm(rocky9_root, "-i", "--justdb", "--nodeps", "--nosignature", world.rpms["centos"]["centos-only-tool"])
    _, findings, _ = _preflight(world, mirror, rocky9_root, trust_config)
    listed = findings["PACKAGES_WITHOUT_REPO"]["data"]["packages"]
    assert "thirdparty-agent-2.0-1.el9.x86_64 (from thirdparty)" in listed
    assert "centos-only-tool-1.0-1.el9.x86_64 (installed by rpm)" in listed
    assert not [p for p in listed if p.startswith(("rocky-", "bash-", "zlib-"))]


def test_panels_and_registration_from_marker_files(world, mirror, rocky9_root, trust_config):
    _write(rocky9_root, "/usr/local/cpanel/cpanel", "")
    _write(rocky9_root, "/usr/local/cpanel/version", CPANEL)
    _write(rocky9_root, "/usr/local/directadmin/directadmin", "")
    _write(rocky9_root, "/etc/rhsm/rhsm.conf", RHSM_CONF)
    _write(rocky9_root, "/etc/pki/consumer/cert.pem", "-----BEGIN CERTIFICATE-----\n")
    returncode, findings, _ = _preflight(world, mirror, rocky9_root, trust_config)
    assert returncode == 0
    assert findings["CONTROL_PANEL"]["data"]["panels"] == [{"name": "cPanel", "version": "11.118.0.12"},
                                                           {"name": "DirectAdmin", "version": None}]
    assert "satellite.example.com" in findings["RHSM_REGISTERED"]["detail"]


def test_plan_carries_sizes_and_space_suffices(world, mirror, rocky9_root, trust_config):
    _, findings, report = _preflight(world, mirror, rocky9_root, trust_config)
    plan = report["plan"]
    assert plan["install_size"] > 0 and plan["remove_size"] > 0 and plan["download_size"] > 0
    assert "INSUFFICIENT_DISK_SPACE" not in findings


def test_live_only_checks_say_nothing_under_root(world, mirror, rocky9_root, trust_config):
    _, findings, _ = _preflight(world, mirror, rocky9_root, trust_config)
    live_only = {"NOT_SUPERUSER", "CONTAINER", "READONLY_MOUNTS", "ESP_NOT_MOUNTED", "SECURE_BOOT", "FIPS_MODE",
                 "LOW_MEMORY", "PACKAGE_MANAGER_RUNNING", "RUNNING_KERNEL_NOT_NEWEST", "CUSTOM_KERNEL",
                 "TAINTED_MODULES"}
    assert not live_only & set(findings)

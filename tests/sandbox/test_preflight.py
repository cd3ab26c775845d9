"""Preflight inspects and plans; the root stays byte-identical apart from the tool's own files."""
import pytest

from tests.sandbox.cli import diff_snapshots, run_cli, snapshot
from tests.sandbox.fixture import make_foreign_root
from tests.schema import assert_valid_report

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n'
FEDORA = 'NAME="Fedora Linux"\nVERSION="40 (Server Edition)"\nID=fedora\nVERSION_ID=40\n'


def test_preflight_plans_and_changes_nothing(world, mirror, centos9_root, trust_config):
    before = snapshot(centos9_root)
    result = run_cli(centos9_root, "preflight", "--mirror", world.mirror_url(mirror), "--downgrade",
                     config=trust_config)
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert report["status"] == "ready"
    plan = report["plan"]
    assert plan["counts"]["downgraded"] == len(world.kinds["centos-stream-9"]["target_lower"])
    assert set(e["name"] for e in plan["installed"]) >= {"almalinux-release", "crypto-policies"}
    assert plan["download_size"] > 0
    assert diff_snapshots(before, snapshot(centos9_root)) == []


def test_stream_without_downgrade_is_blocked_with_the_packages_named(world, mirror, centos9_root, trust_config):
    before = snapshot(centos9_root)
    result = run_cli(centos9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 3, result
    finding = dict((f["id"], f) for f in assert_valid_report(result.document)["findings"])["DOWNGRADE_REQUIRED"]
    assert finding["severity"] == "blocker" and "openssl-libs" in finding["detail"]
    assert diff_snapshots(before, snapshot(centos9_root)) == []


@pytest.mark.parametrize("os_release", [DEBIAN, FEDORA], ids=["debian", "fedora"])
def test_foreign_distribution_is_refused_with_exit_3(os_release, tmp_path, mirror, world):
    root = tmp_path / "foreign"
    make_foreign_root(str(root), os_release)
    for command in (["preflight"], ["convert", "--yes"]):
        result = run_cli(root, *(command + ["--mirror", world.mirror_url(mirror)]))
        assert result.returncode == 3, result
        report = assert_valid_report(result.document)
        assert report["status"] == "blocked"
        assert [f["id"] for f in report["findings"] if f["severity"] == "blocker"] == ["UNSUPPORTED_SOURCE"]


def test_garbage_os_release_is_a_finding_not_a_traceback(tmp_path):
    root = tmp_path / "garbage"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "os-release").write_bytes(b"\x00\xff\xfeID=\x01\n=====\nVERSION_ID\n")
    (root / "etc" / "yum.repos.d").mkdir()
    (root / "etc" / "yum.repos.d" / "bad.repo").write_bytes(b"[x\n\xff\xfe = =\n")
    result = run_cli(root, "preflight")
    assert result.returncode == 3, result
    assert "Traceback" not in result.stderr
    assert "UNSUPPORTED_SOURCE" in [f["id"] for f in assert_valid_report(result.document)["findings"]]


def test_key_without_configured_trust_is_refused(world, mirror, rocky9_root):
    before = snapshot(rocky9_root)
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror))
    assert result.returncode == 3, result
    finding = dict((f["id"], f) for f in assert_valid_report(result.document)["findings"])["TARGET_KEY_UNTRUSTED"]
    assert world.keys["alma"].fingerprint in finding["detail"]
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_unreachable_mirror_is_a_blocker(rocky9_root, trust_config):
    before = snapshot(rocky9_root)
    result = run_cli(rocky9_root, "preflight", "--mirror", "http://127.0.0.1:9/almalinux", config=trust_config)
    assert result.returncode == 3, result
    assert "MIRROR_UNREACHABLE" in [f["id"] for f in assert_valid_report(result.document)["findings"]]
    assert diff_snapshots(before, snapshot(rocky9_root)) == []


def test_profiles_lists_sources_and_targets(tmp_path):
    result = run_cli(tmp_path, "profiles")
    assert result.returncode == 0
    assert "rocky" in [s["id"] for s in result.document["sources"]]
    targets = dict((t["major"], t["fingerprints"]) for t in result.document["targets"])
    assert targets[9] == ["BF18AC2876178908D6E71267D36CB86CB86B3716"] and sorted(targets) == [8, 9, 10]


def test_corrupted_rpmdb_is_a_blocker_not_a_traceback(rocky9_root, trust_config):
    rpmdb = rocky9_root / "var" / "lib" / "rpm"
    for extra in rpmdb.glob("rpmdb.sqlite-*"):
        extra.unlink()
    (rpmdb / "rpmdb.sqlite").write_bytes(b"this is not an sqlite database\n" * 200)
    result = run_cli(rocky9_root, "preflight", config=trust_config)
    assert result.returncode == 3, result
    ids = [f["id"] for f in assert_valid_report(result.document)["findings"] if f["severity"] == "blocker"]
    assert ids == ["RPMDB_UNREADABLE"]


def test_bundle_collects_log_report_journal_and_facts(world, mirror, rocky9_root, trust_config, tmp_path):
    import tarfile
    assert run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config).returncode == 0
    target = tmp_path / "bundle.tar.gz"
    result = run_cli(rocky9_root, "bundle", "--file", target)
    assert result.returncode == 0, result
    assert result.document["bundle"] == str(target)
    with tarfile.open(str(target)) as archive:
        names = archive.getnames()
        facts = archive.extractfile("bundle/facts.json").read().decode()
    assert "bundle/var/log/almalinux-migrate.log" in names
    assert "bundle/var/log/almalinux-migrate-report.json" in names
    assert "bundle/etc/os-release" in names and "bundle/packages.txt" in names
    assert '"rocky"' in facts

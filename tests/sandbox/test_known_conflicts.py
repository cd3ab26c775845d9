"""Known conflicts are removed in the transaction with their reason in the plan, and rpm's
test transaction catches an unlisted file conflict or a full filesystem before the point of no
return: exit 4, a finding naming the file and both packages (or the filesystem and the space
needed), the root byte for byte as it was."""
import pathlib

from tests.sandbox.cli import diff_snapshots, installed_signatures, run_cli, snapshot
from tests.sandbox.fixture.hosts import FIPS_SO, build_host
from tests.sandbox.fixture.roots import copy_root
from tests.schema import assert_valid_report


def _root(world, name, tmp_path):
    host = build_host(world, name)
    return pathlib.Path(copy_root(host.root, str(tmp_path / name)))


def _mirror(mirror):
    return mirror.rstrip("/") + "/hosts/almalinux"


def test_listed_fips_provider_is_removed_with_its_reason(world, mirror, trust_config, tmp_path):
    root = _root(world, "centos-stream-9", tmp_path)
    assert "fips-provider-next" in installed_signatures(root)
    preflight = run_cli(root, "preflight", "--downgrade", "--mirror", _mirror(mirror), config=trust_config)
    assert preflight.returncode == 0, preflight
    removed = dict((e["name"], e) for e in assert_valid_report(preflight.document)["plan"]["removed"])
    assert "e104e37" in removed["fips-provider-next"]["reason"]
    assert "reason" not in removed["centos-stream-release"]

    result = run_cli(root, "convert", "--yes", "--downgrade", "--mirror", _mirror(mirror), config=trust_config)
    assert result.returncode == 0, result
    steps = dict((s["id"], s) for s in assert_valid_report(result.document)["steps"])
    assert steps["TEST_TRANSACTION"]["outcome"] == "done"
    signatures = installed_signatures(root)
    assert "fips-provider-next" not in signatures
    assert signatures["openssl-libs"] == world.keys["alma"].keyid
    assert (root / FIPS_SO.lstrip("/")).read_text() == "alma fips\n"


def test_unlisted_file_conflict_stops_before_the_point_of_no_return(world, mirror, trust_config, tmp_path):
    root = _root(world, "rocky-9-unlisted-conflict", tmp_path)
    before = snapshot(root)
    preflight = run_cli(root, "preflight", "--mirror", _mirror(mirror), config=trust_config)
    assert preflight.returncode == 0, preflight  # the depsolver does not see file conflicts
    result = run_cli(root, "convert", "--yes", "--mirror", _mirror(mirror), config=trust_config)
    assert result.returncode == 4, result
    report = assert_valid_report(result.document)
    assert report["status"] == "rolled_back"
    steps = dict((s["id"], s) for s in report["steps"])
    assert steps["TEST_TRANSACTION"]["outcome"] == "failed"
    assert steps["IMPORT_TARGET_KEY"]["outcome"] == "pending"
    finding = [f for f in report["findings"] if f["id"] == "TRANSACTION_TEST_FAILED"][0]
    assert finding["severity"] == "blocker"
    problem = finding["data"]["problems"][0]
    assert problem["kind"] == "file_conflict" and problem["file"] == FIPS_SO
    assert problem["package"].startswith("openssl-libs-1:3.0.7-24.el9")
    assert problem["other"].startswith("vendor-fips-provider-1.2.0-2.el9")
    assert FIPS_SO in finding["detail"] and "vendor-fips-provider" in finding["detail"]
    assert "librpm" not in result.stderr and "error:" not in result.stderr  # rpm's own lines: log only
    assert diff_snapshots(before, snapshot(root)) == []


def test_full_filesystem_stops_before_the_point_of_no_return(world, mirror, trust_config, tmp_path):
    """/etc/crypto-policies (new with AlmaLinux's openssl-libs) on its own full tmpfs, in a
    private mount namespace that ends with the run: rpm names the filesystem and the space."""
    root = _root(world, "rocky-9", tmp_path)
    (root / "etc" / "crypto-policies").mkdir()
    before = snapshot(root)
    fill = ('mount -t tmpfs -o size=8k tmpfs "$0/etc/crypto-policies" && '
            'head -c 8192 /dev/zero > "$0/etc/crypto-policies/.fill" && exec "$@"')
    result = run_cli(root, "convert", "--yes", "--mirror", _mirror(mirror), config=trust_config,
                     prefix=["unshare", "--mount", "--propagation", "private", "sh", "-c", fill, str(root)])
    assert result.returncode == 4, result
    report = assert_valid_report(result.document)
    finding = [f for f in report["findings"] if f["id"] == "TRANSACTION_TEST_FAILED"][0]
    problem = finding["data"]["problems"][0]
    assert problem["kind"] == "disk_space" and problem["filesystem"] == "/etc/crypto-policies"
    assert problem["needed"] == 4096 and problem["package"].startswith("crypto-policies-")
    assert "needs 4.0 KiB more on the /etc/crypto-policies filesystem" in finding["detail"]
    assert diff_snapshots(before, snapshot(root)) == []

"""Threat model, from the mirror: one test per row of README "Which keys are
trusted". Each converts a Rocky 9 root against a hostile copy of the AlmaLinux mirror
(tests/sandbox/fixture/threats.py) and asserts the exit code, that a canary directory outside
the root is unchanged, that a refused run leaves the root byte-identical, and that no key
besides the trusted ones reaches the root's rpmdb."""
import pytest

from tests.sandbox.cli import diff_snapshots, installed_signatures, rpm_query, run_cli, snapshot
from tests.sandbox.fixture.catalog import BROKEN_IN_BAD_MIRRORS
from tests.sandbox.fixture.threats import SUBKEY_SIGNED, build_threats
from tests.schema import assert_valid_report


@pytest.fixture(scope="session")
def threats(world):
    return build_threats(world)


@pytest.fixture
def canary(tmp_path):
    """A directory outside the root that nothing may touch."""
    folder = tmp_path / "canary"
    (folder / "etc").mkdir(parents=True)
    (folder / "etc" / "os-release").write_text('ID="canary"\n', encoding="utf-8")
    return folder


@pytest.fixture
def config(world, threats, tmp_path):
    """Trusts the sandbox's AlmaLinux key and the keys whose packages a subkey signs."""
    path = tmp_path / "trust.toml"
    path.write_text('[trust]\nextra_fingerprints = ["{}", "{}", "{}"]\n'.format(
        world.keys["alma"].fingerprint, threats.signer.fingerprint, threats.signer_ed25519.fingerprint),
        encoding="utf-8")
    return path


def rpmdb_keys(root):
    """Short key IDs (8 hex) of the gpg-pubkeys in the root's rpmdb."""
    return set(rpm_query(root, "-qa", "gpg-pubkey", "--qf", "%{VERSION}\\n"))


def short(fingerprint):
    return fingerprint[-8:].lower()


class Attempt(object):
    def __init__(self, root, canary):
        self.root = root
        self.canary = canary
        self.root_before = snapshot(root)
        self.canary_before = snapshot(canary)
        self.keys_before = rpmdb_keys(root)

    def convert(self, url, config):
        self.result = run_cli(self.root, "convert", "--yes", "--mirror", url, config=config)
        self.report = assert_valid_report(self.result.document)
        assert diff_snapshots(self.canary_before, snapshot(self.canary)) == []
        return self.result.returncode

    @property
    def new_keys(self):
        return rpmdb_keys(self.root) - self.keys_before

    def root_unchanged(self):
        return diff_snapshots(self.root_before, snapshot(self.root)) == []

    def finding(self, finding_id):
        return dict((f["id"], f) for f in self.report["findings"]).get(finding_id)


@pytest.mark.parametrize("where", ["before", "after"])
def test_extra_key_signing_a_package_fails_and_leaves_the_root_unchanged(
        where, world, mirror, threats, rocky9_root, canary, config):
    attempt = Attempt(rocky9_root, canary)
    code = attempt.convert(threats.url(mirror, "extra-%s-signed" % where), config)
    assert code == 4, attempt.result
    steps = dict((s["id"], s) for s in attempt.report["steps"])
    assert steps["VERIFY_SIGNATURES"]["outcome"] == "failed"
    assert BROKEN_IN_BAD_MIRRORS in steps["VERIFY_SIGNATURES"]["detail"]
    assert attempt.finding("MIRROR_KEYS_IGNORED")["data"]["fingerprints"] == [world.keys["rogue"].fingerprint]
    assert attempt.root_unchanged()
    assert attempt.new_keys == set()


@pytest.mark.parametrize("where", ["before", "after"])
def test_extra_key_signing_nothing_is_ignored_and_never_imported(
        where, world, mirror, threats, rocky9_root, canary, config):
    attempt = Attempt(rocky9_root, canary)
    code = attempt.convert(threats.url(mirror, "extra-%s" % where), config)
    assert code == 0, attempt.result
    assert attempt.finding("MIRROR_KEYS_IGNORED")["data"]["fingerprints"] == [world.keys["rogue"].fingerprint]
    assert attempt.new_keys == {short(world.keys["alma"].fingerprint)}
    assert short(world.keys["rogue"].fingerprint) not in rpmdb_keys(rocky9_root)


@pytest.mark.parametrize("label", ["subkey", "subkey-ed25519"])
def test_packages_signed_by_a_bound_subkey_convert_and_are_not_leftovers(
        label, world, mirror, threats, rocky9_root, canary, config):
    signer = threats.signer_ed25519 if label.endswith("ed25519") else threats.signer
    attempt = Attempt(rocky9_root, canary)
    code = attempt.convert(threats.url(mirror, label), config)
    assert code == 0, attempt.result
    signatures = installed_signatures(rocky9_root)
    assert [signatures[name] for name in SUBKEY_SIGNED] == [signer.keyid] * len(SUBKEY_SIGNED)
    assert attempt.new_keys == {short(world.keys["alma"].fingerprint), short(signer.fingerprint)}
    verify = run_cli(rocky9_root, "verify", config=config)
    assert verify.returncode == 0, verify
    left = [entry["name"] for entry in assert_valid_report(verify.document)["leftovers"]]
    assert [name for name in SUBKEY_SIGNED if name in left] == []
    assert signer.keyid not in set(e.get("keyid") for e in verify.document["leftovers"])
    untrusted = dict((f["id"], f) for f in verify.document["findings"])["UNTRUSTED_KEYS_IN_RPMDB"]
    named = set(name.split("-")[2] for name in untrusted["data"]["keys"])
    assert named == set(short(world.keys[v].fingerprint) for v in ("rocky", "thirdparty"))


def test_subkey_attached_without_a_valid_binding_is_ignored(
        world, mirror, threats, rocky9_root, canary, config):
    attempt = Attempt(rocky9_root, canary)
    code = attempt.convert(threats.url(mirror, "forged-subkey"), config)
    assert code == 4, attempt.result
    steps = dict((s["id"], s) for s in attempt.report["steps"])
    assert BROKEN_IN_BAD_MIRRORS in steps["VERIFY_SIGNATURES"]["detail"]
    assert attempt.root_unchanged()
    assert attempt.new_keys == set()


@pytest.mark.parametrize("label", ["only-unpinned", "html"])
def test_key_file_without_a_trusted_key_blocks(label, mirror, threats, rocky9_root, canary, config):
    attempt = Attempt(rocky9_root, canary)
    code = attempt.convert(threats.url(mirror, label), config)
    assert code == 3, attempt.result
    assert attempt.finding("TARGET_KEY_UNTRUSTED")["severity"] == "blocker"
    assert attempt.root_unchanged()
    assert attempt.new_keys == set()


def test_package_whose_bytes_differ_from_repodata_fails(mirror, threats, rocky9_root, canary, config):
    attempt = Attempt(rocky9_root, canary)
    code = attempt.convert(threats.url(mirror, "checksum"), config)
    assert code == 4, attempt.result
    assert attempt.report["status"] == "rolled_back"
    assert attempt.root_unchanged()
    assert attempt.new_keys == set()

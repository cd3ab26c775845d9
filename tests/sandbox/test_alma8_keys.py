"""AlmaLinux 8's key file holds two keys (docs/cli.md "Which keys are trusted"): a Rocky 8 host
converts against mirrors laid out like that (tests/sandbox/fixture/alma8_keys.py). A valid
second key's subkey admits its packages; an expired one admits nothing and is not imported."""
import pathlib

import pytest

from tests.sandbox.cli import diff_snapshots, installed_signatures, rpm_query, run_cli, snapshot
from tests.sandbox.fixture.alma8_keys import PACKAGES, build_alma8_keys, mirror_url
from tests.sandbox.fixture.hosts import build_host
from tests.sandbox.fixture.roots import copy_root
from tests.schema import assert_valid_report


@pytest.fixture(scope="session")
def alma8_keys(world):
    return build_alma8_keys(world)


@pytest.fixture
def rocky8_root(world, tmp_path):
    host = build_host(world, "rocky-8")
    return pathlib.Path(copy_root(host.root, str(tmp_path / "rocky-8")))


@pytest.fixture
def config(world, alma8_keys, tmp_path):
    path = tmp_path / "trust.toml"
    fingerprints = [world.keys["alma"].fingerprint] + [k.fingerprint for k in alma8_keys.values()]
    path.write_text("[trust]\nextra_fingerprints = [%s]\n" % ", ".join('"%s"' % f for f in fingerprints),
                    encoding="utf-8")
    return path


def rpmdb_keys(root):
    return set(rpm_query(root, "-qa", "gpg-pubkey", "--qf", "%{VERSION}\\n"))


def short(fingerprint):
    return fingerprint[-8:].lower()


def test_packages_signed_by_either_key_convert_and_verify_clean(world, mirror, alma8_keys, rocky8_root, config):
    before = rpmdb_keys(rocky8_root)
    result = run_cli(rocky8_root, "convert", "--yes", "--mirror", mirror_url(mirror, "two-keys"), config=config)
    assert result.returncode == 0, result
    older = alma8_keys["older"]
    signatures = installed_signatures(rocky8_root)
    assert [signatures[name] for name in PACKAGES] == [older.keyid] * len(PACKAGES)
    assert world.keys["alma"].keyid in signatures.values()
    assert rpmdb_keys(rocky8_root) - before == {short(older.fingerprint), short(world.keys["alma"].fingerprint)}
    verify = run_cli(rocky8_root, "verify", config=config)
    assert verify.returncode == 0, verify
    left = [e["name"] for e in assert_valid_report(verify.document)["leftovers"]]
    assert [name for name in PACKAGES if name in left] == []
    assert older.keyid not in set(e.get("keyid") for e in verify.document["leftovers"])


def test_expired_key_is_neither_used_nor_imported(world, mirror, alma8_keys, rocky8_root, config):
    before = rpmdb_keys(rocky8_root)
    result = run_cli(rocky8_root, "convert", "--yes", "--mirror", mirror_url(mirror, "expired-unused"),
                     config=config)
    assert result.returncode == 0, result
    findings = dict((f["id"], f) for f in assert_valid_report(result.document)["findings"])
    assert alma8_keys["expired"].fingerprint in findings["MIRROR_KEYS_IGNORED"]["detail"]
    assert rpmdb_keys(rocky8_root) - before == {short(world.keys["alma"].fingerprint)}


def test_package_signed_by_the_expired_key_is_refused(world, mirror, alma8_keys, rocky8_root, config):
    root_before, keys_before = snapshot(rocky8_root), rpmdb_keys(rocky8_root)
    result = run_cli(rocky8_root, "convert", "--yes", "--mirror", mirror_url(mirror, "expired-signed"),
                     config=config)
    assert result.returncode == 4, result
    steps = dict((s["id"], s) for s in assert_valid_report(result.document)["steps"])
    assert PACKAGES[0] in steps["VERIFY_SIGNATURES"]["detail"]
    assert diff_snapshots(root_before, snapshot(rocky8_root)) == []
    assert rpmdb_keys(rocky8_root) == keys_before

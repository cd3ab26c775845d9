"""Smoke tests of the benchmark's floors: the bare rpm/dnf sequence converts a sandbox host, and
the one bare rpm transaction of a preflight plan's packages runs cleanly.

`make bench` compares the tool against these; if they stopped converting, the ratios would
compare against nothing. No timings are asserted here."""
import json
import os
import subprocess
import sys

from tests.bench.bare import bare_for_world, release_and_branding
from tests.sandbox.cli import REPO, installed_signatures, run_cli


def test_release_and_branding_split(world):
    release, branding = release_and_branding(world.swaps["centos-stream-9"])
    assert sorted(release[0]) == ["centos-gpg-keys", "centos-stream-release", "centos-stream-repos"]
    assert release[1] == ["almalinux-gpg-keys", "almalinux-release", "almalinux-repos"]
    assert branding == {"centos-logos": "almalinux-logos"}


def test_bare_sequence_converts(world, mirror, centos9_root, tmp_path):
    bare = bare_for_world(world, "centos-stream-9", centos9_root, world.mirror_url(mirror),
                          tmp_path / "bare")
    result = bare.convert()

    assert set(result["phases"]) == {"import_key", "fetch_release", "swap_release", "distro_sync",
                                     "swap_branding", "reinstall"}
    os_release = (centos9_root / "etc" / "os-release").read_text()
    assert 'ID="almalinux"' in os_release
    alma = world.keys["alma"].keyid
    signatures = installed_signatures(centos9_root)
    kinds = world.kinds["centos-stream-9"]
    for name in kinds["swapped"]:
        assert name not in signatures, "%s is still installed" % name
    for kind in ("same_rebuilt", "same_resigned", "target_higher", "target_lower", "target_only"):
        for name in kinds.get(kind, []):
            assert signatures[name] == alma, "%s (%s) is signed by %s" % (name, kind, signatures[name])
    foreign = set(name for name, keyid in signatures.items() if keyid != alma)
    assert foreign == set(kinds["source_only"]) | set(kinds["third_party"])


def test_floor_transaction_installs_the_preflight_plan(world, mirror, centos9_root, trust_config, tmp_path):
    preflight = run_cli(centos9_root, "preflight", "--downgrade", "--mirror", world.mirror_url(mirror),
                        config=trust_config)
    assert preflight.returncode == 0, preflight
    report = tmp_path / "report.json"
    report.write_text(json.dumps(preflight.document))
    proc = subprocess.run([sys.executable, "-m", "tests.bench.floor", str(centos9_root), str(report),
                           os.path.join(world.srv, world.mirrors["almalinux"])],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                          cwd=REPO, env=dict(os.environ, PYTHONPATH=REPO))
    assert proc.returncode == 0, proc.stdout
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["failed"] == [] and result["run_result"] is None, result
    assert 'ID="almalinux"' in (centos9_root / "etc" / "os-release").read_text()
    plan = preflight.document["plan"]
    signatures = installed_signatures(centos9_root)
    for entry in plan["upgraded"] + plan["downgraded"] + plan["installed"]:
        assert signatures[entry["name"]] == world.keys["alma"].keyid, entry
    for entry in plan["removed"]:
        assert entry["name"] not in signatures, entry

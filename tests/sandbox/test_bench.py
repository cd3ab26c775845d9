"""Smoke test of the benchmark's floor: the bare rpm/dnf sequence converts a sandbox host.

`make bench` compares the tool against this sequence; if it stopped converting, the ratios
would compare against nothing. No timings are asserted here."""
from tests.bench.bare import bare_for_world, release_and_branding
from tests.sandbox.cli import installed_signatures


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

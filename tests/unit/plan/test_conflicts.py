"""Known conflicts: the target's (every source of that major) merged with the source's own,
validated on load, and their reasons carried into the plan's `removed` entries."""
import pytest

from migrate.errors import ProfileError
from migrate.plan.conflicts import annotate_removed, fips_providers_removed, known_conflicts
from migrate.profiles import load_profiles, parse_profile


def _profiles(source_id, major):
    profiles = load_profiles()
    source = [p for p in profiles.sources if p.id == source_id][0].for_major(major)
    return source, profiles.target_for(major)


def test_stream_9_gets_its_own_and_almalinux_9s_conflicts():
    conflicts = known_conflicts(*_profiles("centos-stream", 9))
    assert sorted(conflicts) == ["evolution-data-server-ui", "fips-provider-next", "libblockdev-btrfs",
                                 "udisks2-btrfs"]
    assert conflicts["fips-provider-next"]["fips_provider"] and "e104e37" in conflicts["fips-provider-next"]["reason"]
    assert not conflicts["udisks2-btrfs"]["fips_provider"]


def test_conflicts_are_per_major():
    assert sorted(known_conflicts(*_profiles("centos-stream", 8))) == ["libblockdev-btrfs"]
    assert "openssl-fips-provider-so" in known_conflicts(*_profiles("rhel", 10))
    assert "udisks2-btrfs" not in known_conflicts(*_profiles("rocky", 8))


def test_removed_entries_get_the_reason_and_fips_providers_are_named():
    conflicts = known_conflicts(*_profiles("rhel", 9))
    plan = {"removed": [{"name": "openssl-fips-provider-so", "nevra": "x"}, {"name": "redhat-release", "nevra": "y"}]}
    annotate_removed(plan, conflicts)
    assert "fips.so" in plan["removed"][0]["reason"] and "reason" not in plan["removed"][1]
    assert fips_providers_removed(plan, conflicts) == ["openssl-fips-provider-so"]


def test_a_conflict_without_reason_or_with_an_unknown_key_is_a_profile_error():
    head = 'id = "x"\nname = "X"\nos_release_id = "x"\nmajors = [9]\n'
    with pytest.raises(ProfileError, match="reason"):
        parse_profile(head + '[conflicts.pkg]\nfips_provider = true\n', "x.toml", "source")
    with pytest.raises(ProfileError, match="why"):
        parse_profile(head + '[by_major.9.conflicts.pkg]\nreason = "r"\nwhy = "w"\n', "x.toml", "source")

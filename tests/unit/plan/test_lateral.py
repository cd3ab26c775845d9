from migrate.plan.lateral import is_lateral, split_downgrades, split_evr, strip_suffixes
from migrate.profiles import load_profiles


def _patterns(*source_ids):
    profiles = load_profiles()
    patterns = list(profiles.target_for(9).release_suffixes)
    for profile in profiles.sources:
        if profile.id in source_ids:
            patterns += profile.for_major(9).release_suffixes
    return patterns


ROCKY_ORACLE = _patterns("rocky", "oracle")


def test_split_evr_reads_epoch_version_release():
    assert split_evr("1:3.0.7-27.el9") == (1, "3.0.7", "27.el9")
    assert split_evr("1.5-3.el9.rocky.0.1") == (0, "1.5", "3.el9.rocky.0.1")


def test_rocky_rebuilds_of_the_same_release_are_lateral():
    assert is_lateral("1.5-3.el9.rocky.0.1", "1.5-3.el9", ROCKY_ORACLE)
    assert is_lateral("2.15.2-6.el9.rocky.0.2", "2.15.2-6.el9.alma.1", ROCKY_ORACLE)
    assert is_lateral("3.6.8-62.el8_10.rocky.0", "3.6.8-62.el8_10.alma.1", ROCKY_ORACLE)
    assert is_lateral("2.9.5-15.el8.rocky.6.3", "2.9.5-15.el8", ROCKY_ORACLE)


def test_rocky_re_tags_after_the_dist_tag_are_lateral():
    assert is_lateral("11-13.el9.0.1", "11-13.el9", ROCKY_ORACLE)
    assert is_lateral("252-46.el9_5.2.0.1", "252-46.el9_5.2.alma.1", ROCKY_ORACLE)
    assert is_lateral("5.14.0-362.24.1.el9_3.0.1", "5.14.0-362.24.1.el9_3", ROCKY_ORACLE)
    assert strip_suffixes("1.0.1", ROCKY_ORACLE) == "1.0.1"  # no dist tag: upstream's own numbering


def test_miracle_linux_rebuilds_are_lateral():
    assert is_lateral("2.02-99.el8.ML.1", "2.02-99.el8", _patterns("miraclelinux"))


def test_oracle_rebuilds_of_the_same_release_are_lateral():
    assert is_lateral("2.28-236.0.1.el8", "2.28-236.el8.alma.1", ROCKY_ORACLE)
    assert is_lateral("1:239-78.0.4.el8_10", "1:239-78.el8_10", ROCKY_ORACLE)


def test_a_lower_upstream_version_or_release_is_a_real_downgrade():
    assert not is_lateral("1.5-4.el9.rocky.0.1", "1.5-3.el9", ROCKY_ORACLE)  # release
    assert not is_lateral("1.6-3.el9", "1.5-3.el9", ROCKY_ORACLE)  # version
    assert not is_lateral("1:1.5-3.el9", "1.5-3.el9", ROCKY_ORACLE)  # epoch
    assert not is_lateral("3.0.7-27.el9", "3.0.7-24.el9", ROCKY_ORACLE)  # CentOS Stream ahead


def test_suffixes_are_removed_only_where_the_vendor_puts_them():
    assert strip_suffixes("3.el9.rocky.0.1", ROCKY_ORACLE) == "3.el9"
    assert strip_suffixes("236.0.1.el8", ROCKY_ORACLE) == "236.el8"
    assert strip_suffixes("6.el9.alma.1", ROCKY_ORACLE) == "6.el9"
    assert strip_suffixes("10.0.1", ROCKY_ORACLE) == "10.0.1"  # no dist tag after it: upstream's own


def test_without_the_vendor_profile_a_suffix_is_not_set_aside():
    assert not is_lateral("1.5-3.el9.rocky.0.1", "1.5-3.el9", _patterns())


def test_split_downgrades_keeps_real_ones_apart():
    entries = [{"name": "ima-evm-utils", "from": "1.5-3.el9.rocky.0.1", "to": "1.5-3.el9", "arch": "x86_64"},
               {"name": "openssl-libs", "from": "1:3.0.7-27.el9", "to": "1:3.0.7-24.el9", "arch": "x86_64"}]
    real, lateral = split_downgrades(entries, ROCKY_ORACLE)
    assert [e["name"] for e in real] == ["openssl-libs"]
    assert [e["name"] for e in lateral] == ["ima-evm-utils"]

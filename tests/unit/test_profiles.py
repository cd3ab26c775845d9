import io
import os
import zipfile

import pytest

from migrate.errors import ProfileError
from migrate.profiles import PROFILES_DIR, load_profiles, normalize_fingerprint, parse_profile

GOOD_SOURCE = """
id = "example"
name = "Example Linux"
os_release_id = "example"
majors = [8, 9]
release_packages = ["example-release"]
[branding]
example-logos = "almalinux-logos"
[by_major.8]
release_packages = ["example-release", "example-repos"]
"""


def test_shipped_profiles_load_and_pin_the_real_alma9_key():
    profiles = load_profiles()
    assert profiles.target_for(9).fingerprints == ["BF18AC2876178908D6E71267D36CB86CB86B3716"]
    ids = [p.id for p in profiles.sources]
    assert "centos-stream" in ids and "rocky" in ids


def test_by_major_overrides_top_level_values():
    profile = parse_profile(GOOD_SOURCE, "example.toml", "source")
    assert profile.for_major(8).release_packages == ["example-release", "example-repos"]
    assert profile.for_major(9).release_packages == ["example-release"]
    assert profile.for_major(9).remove_packages == []


def test_a_profile_has_its_schemas_fields_and_a_misspelt_one_is_an_error():
    profile = parse_profile(GOOD_SOURCE, "example.toml", "source").for_major(9)
    assert (type(profile).__name__, profile.kind, profile.downgrade_expected, profile.repo_map) == \
        ("SourceProfile", "source", False, {})
    with pytest.raises(AttributeError):
        profile.release_pakages
    with pytest.raises(AttributeError):
        profile.key_file  # a target's field, not a source's
    with pytest.raises(AttributeError):
        profile.release_pakages = []


def test_unknown_key_names_file_and_key():
    with pytest.raises(ProfileError) as err:
        parse_profile(GOOD_SOURCE + "\nrelease_pakages = []\n", "broken.toml", "source")
    assert "broken.toml" in err.value.message and "release_pakages" in err.value.message


def test_missing_required_key_is_named():
    with pytest.raises(ProfileError) as err:
        parse_profile('id = "x"\nname = "X"\n', "x.toml", "source")
    assert "majors" in err.value.message


def test_wrong_type_is_named():
    with pytest.raises(ProfileError) as err:
        parse_profile(GOOD_SOURCE.replace("majors = [8, 9]", 'majors = "8"'), "t.toml", "source")
    assert "majors" in err.value.message


def test_invalid_toml_is_a_profile_error():
    with pytest.raises(ProfileError) as err:
        parse_profile("id = ", "t.toml", "source")
    assert "not valid TOML" in err.value.message


def test_target_with_bad_fingerprint_is_refused():
    text = open(load_profiles().target_for(9).path).read().replace("BF18AC28", "ZZ18AC28")
    with pytest.raises(ProfileError) as err:
        parse_profile(text, "almalinux-9.toml", "target")
    assert "fingerprints" in err.value.message


def test_fingerprint_normalisation_ignores_case_and_spaces():
    assert normalize_fingerprint("bf18 ac28 7617 8908 d6e7 1267 d36c b86c b86b 3716") == \
        "BF18AC2876178908D6E71267D36CB86CB86B3716"
    assert normalize_fingerprint("BF18") is None


def test_shipped_panels_load_with_their_repairs():
    from migrate.profiles import load_panels
    panels = dict((p["name"], p) for p in load_panels())
    assert panels["Plesk"]["min_version"] == "18.0.35"
    assert panels["Plesk"]["post_convert"] == [["/usr/sbin/plesk", "repair", "installation", "-y"]]


def test_a_panel_command_that_is_not_a_list_is_refused(tmp_path):
    from migrate.profiles import load_panels
    (tmp_path / "panels.toml").write_text('[[panel]]\nname = "X"\nmarker = "/x"\npost_convert = ["x --fix"]\n')
    with pytest.raises(ProfileError) as err:
        load_panels(str(tmp_path))
    assert "post_convert" in err.value.message


def test_a_release_suffix_that_is_no_regular_expression_is_named():
    with pytest.raises(ProfileError, match=r"t.toml: key 'release_suffixes'"):
        parse_profile("release_suffixes = ['\\.rocky(']\n" + GOOD_SOURCE, "t.toml", "source")
    profile = parse_profile("release_suffixes = ['\\.rocky(\\.[0-9]+)*$']\n" + GOOD_SOURCE, "t.toml", "source")
    assert profile.release_suffixes == ["\\.rocky(\\.[0-9]+)*$"]


# Profiles load from inside a zip archive behind an sh preamble (the one-file build).

PREAMBLE = b"#!/bin/sh\nexec /usr/bin/python3 \"$0\" \"$@\"\n"


def make_archive(tmp_path, members):
    """tool.pyz: PREAMBLE, then a zip holding members {name: text}."""
    body = io.BytesIO()
    with zipfile.ZipFile(body, "w") as zipped:
        for name, text in members.items():
            zipped.writestr(name, text)
    path = tmp_path / "tool.pyz"
    path.write_bytes(PREAMBLE + body.getvalue())
    return str(path)


def checkout_profiles():
    members = {}
    for sub in ("sources", "targets"):
        for name in os.listdir(os.path.join(PROFILES_DIR, sub)):
            with open(os.path.join(PROFILES_DIR, sub, name), encoding="utf-8") as handle:
                members["migrate/_profiles/%s/%s" % (sub, name)] = handle.read()
    return members


def test_profiles_load_from_inside_the_archive(tmp_path):
    members = dict(checkout_profiles(), **{"migrate/_profiles/sources/README": "not a profile",
                                           "migrate/_profiles/sources/old/x.toml": "not read"})
    archive = make_archive(tmp_path, members)
    packed = load_profiles(os.path.join(archive, "migrate", "_profiles"))
    checkout = load_profiles(PROFILES_DIR)
    assert [p.id for p in packed.sources] == [p.id for p in checkout.sources]
    assert sorted(packed.targets) == sorted(checkout.targets)
    assert packed.target_for(9).fingerprints == checkout.target_for(9).fingerprints
    assert packed.sources[0].path.startswith(os.path.join(archive, "migrate", "_profiles", "sources") + os.sep)


def test_a_missing_folder_in_the_archive_is_named(tmp_path):
    sources_only = dict((k, v) for k, v in checkout_profiles().items() if "/sources/" in k)
    archive = make_archive(tmp_path, sources_only)
    with pytest.raises(ProfileError, match="targets: profile folder missing"):
        load_profiles(os.path.join(archive, "migrate", "_profiles"))


def test_pinned_key_files_read_from_inside_the_archive(tmp_path):
    from migrate.profiles import pinned_key_text

    members = checkout_profiles()
    for name in os.listdir(os.path.join(PROFILES_DIR, "keys")):
        with open(os.path.join(PROFILES_DIR, "keys", name), encoding="ascii") as handle:
            members["migrate/_profiles/keys/" + name] = handle.read()
    folder = os.path.join(make_archive(tmp_path, members), "migrate", "_profiles")
    packed, checkout = load_profiles(folder), load_profiles(PROFILES_DIR)
    for major in (8, 9, 10):
        text = pinned_key_text(packed.target_for(major), folder)
        assert text and text == pinned_key_text(checkout.target_for(major), PROFILES_DIR)

import glob
import io
import os
import re
import zipfile

import pytest

from migrate.errors import ProfileError
from migrate.profiles import PROFILES_DIR, load_profiles, normalize_fingerprint, parse_profile
from tests.factories import profiles
from tests.real_corpus import IMAGES, REPOS, almalinux_repos, repo_definitions

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


# The profiles against the distributions' own repo definitions (tests/fixtures/real/repos and
# the AlmaLinux images' repo files; sources in tests/fixtures/real/README.md): every real source
# repo whose path on the vendor's mirror holds content AlmaLinux has is mapped to the AlmaLinux
# repo with that content, and the target profiles use AlmaLinux's real repo ids and paths.

# Corpus file -> source profile: mock/<distribution>-<major>.tpl, <distribution>-<major>/*.
DISTRIBUTIONS = {"centos": "centos-linux", "centos-stream": "centos-stream", "rocky": "rocky", "oraclelinux": "oracle",
                 "eurolinux": "eurolinux"}
FILE_NAME = re.compile(r"^(?:mock/)?([a-z-]+?)-(\d+)(?:\.tpl|/.*)$")


def source_files():
    result = []
    for path in sorted(glob.glob(os.path.join(REPOS, "*", "*"))):
        relative = os.path.relpath(path, REPOS)
        named = FILE_NAME.match(relative)
        if named and named.group(1) in DISTRIBUTIONS:
            distribution, major = named.groups()
            result.append((relative, DISTRIBUTIONS[distribution], int(major)))
    return result


def source_repos():
    """(corpus file, profile id, major, repo id, AlmaLinux content path) of every real source
    repo whose content AlmaLinux also has."""
    return [(relative, profile_id, major, repo_id, content)
            for relative, profile_id, major in source_files()
            for repo_id, _, content in repo_definitions(os.path.join(REPOS, relative))
            if content is not None]


def source_profile(profile_id, major):
    (profile,) = [p for p in profiles().sources if p.id == profile_id]
    assert major in profile.majors
    return profile.for_major(major)


def target_path(target, content):
    """The AlmaLinux path with that content: PowerTools on 8, CRB on 9 and later."""
    paths = [r["path"] for r in target.repos]
    if content == "CRB":
        (path,) = [p for p in paths if p in ("CRB", "PowerTools")]
        return path
    assert content in paths
    return content


def test_the_corpus_covers_every_source_with_real_repo_files():
    covered = set((profile_id, major) for _, profile_id, major in source_files())
    assert covered == {("centos-linux", 8), ("centos-stream", 8), ("centos-stream", 9), ("centos-stream", 10), ("rocky", 8),
                       ("rocky", 9), ("rocky", 10), ("oracle", 8), ("oracle", 9), ("eurolinux", 8),
                       ("eurolinux", 9)}
    assert len(source_repos()) > 60


@pytest.mark.parametrize("relative,profile_id,major,repo_id,content", source_repos(),
                         ids=lambda v: str(v))
def test_real_source_repo_is_mapped_to_the_same_content(relative, profile_id, major, repo_id, content):
    repo_map = source_profile(profile_id, major).repo_map_for("x86_64")
    assert repo_id in repo_map, "%s [%s] (%s) is not mapped" % (relative, repo_id, content)
    target = profiles().target_for(major)
    (mapped,) = [r for r in target.repos if r["id"] == repo_map[repo_id]]
    assert mapped["path"] == target_path(target, content)


def almalinux_files():
    """(major, path, only enabled) of the AlmaLinux images' repo files and mock's AlmaLinux
    templates (mock also lists its buildroot-only devel repo, disabled: only enabled ones count)."""
    result = []
    for path in sorted(glob.glob(os.path.join(IMAGES, "*", "root", "etc", "yum.repos.d", "*.repo"))):
        major = int(re.match(r"al(\d+)-", os.path.relpath(path, IMAGES)).group(1))
        result.append((major, path, False))
    for path in sorted(glob.glob(os.path.join(REPOS, "mock", "almalinux-*.tpl"))):
        result.append((int(re.search(r"-(\d+)\.tpl$", path).group(1)), path, True))
    return result


@pytest.mark.parametrize("major,path,only_enabled", almalinux_files(),
                         ids=lambda v: os.path.relpath(v, REPOS) if isinstance(v, str) else str(v))
def test_target_profile_has_the_real_almalinux_repo_ids_and_paths(major, path, only_enabled):
    real = almalinux_repos(path)
    if only_enabled:
        enabled = set(repo_id for repo_id, on, _ in repo_definitions(path) if on)
        real = dict((k, v) for k, v in real.items() if k in enabled)
    assert real
    profile = dict((r["id"], r["path"]) for r in profiles().target_for(major).repos)
    assert dict((k, profile.get(k)) for k in real) == real


def test_almalinux_defaults_cover_every_major_in_the_corpus():
    assert sorted(set(major for major, _, _ in almalinux_files())) == [8, 9, 10]


def almalinux_deploy_ids(pattern):
    """(source repo id, AlmaLinux repo id) of almalinux-deploy's repo_map whose source id
    matches pattern (tests/fixtures/real/repos/almalinux-deploy/repo_map.sh)."""
    with open(os.path.join(REPOS, "almalinux-deploy", "repo_map.sh"), encoding="utf-8") as handle:
        text = handle.read()
    pairs = []
    for target_id, sources in re.findall(r'^repo_map\["([^"]+)"\]="([^"]*)"', text, re.M):
        pairs.extend((source_id, target_id) for source_id in sources.split() if re.match(pattern, source_id))
    return pairs


# MIRACLE LINUX's ids (N-latest-*) of the supported majors; almalinux-deploy also lists 10.
MIRACLE_IDS = r"^(8|9)-latest-"


@pytest.mark.parametrize("repo_id,target_id", almalinux_deploy_ids(MIRACLE_IDS))
def test_miraclelinux_ids_map_as_almalinux_deploy_maps_them(repo_id, target_id):
    major = int(repo_id.split("-")[0])
    assert source_profile("miraclelinux", major).repo_map_for("x86_64").get(repo_id) == target_id


def test_almalinux_deploy_names_miraclelinux_9_powertools():
    assert ("9-latest-PowerTools", "crb") in almalinux_deploy_ids(MIRACLE_IDS)


@pytest.mark.parametrize("image", sorted(os.listdir(IMAGES)))
def test_target_default_repos_are_those_the_real_almalinux_images_enable(image):
    """The conversion's transaction uses the repos a fresh AlmaLinux enables (baseos,
    appstream and extras: extras carries epel-release), taken from the images' own files."""
    major = int(re.match(r"al(\d+)-", image).group(1))
    enabled = set()
    for path in glob.glob(os.path.join(IMAGES, image, "root", "etc", "yum.repos.d", "*.repo")):
        enabled |= set(repo_id for repo_id, on, _ in repo_definitions(path) if on)
    defaults = set(r["id"] for r in profiles().target_for(major).repos if r.get("enabled"))
    assert enabled == defaults == {"baseos", "appstream", "extras"}

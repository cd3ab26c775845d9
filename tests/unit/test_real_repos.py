"""The profiles against the distributions' own repo definitions (tests/fixtures/real/repos and
the AlmaLinux images' repo files; sources in tests/fixtures/real/README.md): every real source
repo whose path on the vendor's mirror holds content AlmaLinux has is mapped to the AlmaLinux
repo with that content, and the target profiles use AlmaLinux's real repo ids and paths."""
import glob
import os
import re

import pytest

from tests.factories import profiles
from tests.real_corpus import IMAGES, REPOS, almalinux_repos, repo_definitions

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

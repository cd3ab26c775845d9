"""Source identification and target choice (migrate/source.py): every supported source x major is
recognised from its real os-release and redhat-release files (tests/fixtures/roots/<name>/etc),
and its profile carries the data its special cases need."""
import os

import pytest

from migrate.facts.model import OsRelease
from migrate.facts.osrelease import collect_os_release, collect_redhat_release
from migrate.root import Root
from tests.factories import FIXTURES, STREAM9_OS_RELEASE, make_facts, profiles, repo, situation

# fixture root -> (profile id, version, major)
EXPECTED = {
    "centos8": ("centos-linux", "8.5.2111", 8),
    "stream8": ("centos-stream", "8", 8),
    "stream9": ("centos-stream", "9", 9),
    "stream10": ("centos-stream", "10", 10),
    "rhel8": ("rhel", "8.10", 8),
    "rhel9": ("rhel", "9.4", 9),
    "rhel10": ("rhel", "10.0", 10),
    "rocky8": ("rocky", "8.10", 8),
    "rocky9": ("rocky", "9.4", 9),
    "rocky10": ("rocky", "10.0", 10),
    "oracle8": ("oracle", "8.10", 8),
    "oracle9": ("oracle", "9.4", 9),
    "oracle10": ("oracle", "10.0", 10),
    "eurolinux8": ("eurolinux", "8.4", 8),
    "eurolinux9": ("eurolinux", "9.2", 9),
    "virtuozzo8": ("virtuozzo", "8", 8),
    "virtuozzo9": ("virtuozzo", "9.4", 9),
    "miracle8": ("miraclelinux", "8.4", 8),
    "miracle9": ("miraclelinux", "9.2", 9),
    "almalinux8": ("almalinux", "8.10", 8),
    "almalinux9": ("almalinux", "9.4", 9),
    "almalinux10": ("almalinux", "10.0", 10),
}


def facts_of(name):
    root = Root(os.path.join(FIXTURES, "roots", name))
    return make_facts(os_release=collect_os_release(root), redhat_release=collect_redhat_release(root))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_from_real_release_files(name):
    _, source, target, _ = situation(facts_of(name))
    assert (source.profile.id, source.version, source.major) == EXPECTED[name]
    assert major_supported(source) and target.major == source.major
    assert target.profile.major == source.major


def major_supported(source):
    return source.major in source.profile.majors


def test_nineteen_sources_and_three_targets():
    sources = [(p.id, m) for p in profiles().sources if not p.is_target for m in p.majors]
    assert len(sources) == 19
    assert sorted(profiles().targets) == [8, 9, 10]


@pytest.mark.parametrize("major,fingerprint,releases", [
    (8, ["5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8", "BC5EDDCADF502C077F1582882AE81E8ACED7258B"],
     ["almalinux-release"]),
    (9, ["BF18AC2876178908D6E71267D36CB86CB86B3716"],
     ["almalinux-release", "almalinux-repos", "almalinux-gpg-keys"]),
    (10, ["EE6DB7B98F5BF5EDD9DA0DE5DEE5C11CC2A1E572"],
     ["almalinux-release", "almalinux-repos", "almalinux-gpg-keys"]),
])
def test_targets_pin_the_real_keys(major, fingerprint, releases):
    target = profiles().target_for(major)
    assert target.fingerprints == fingerprint and target.release_packages == releases


def _target_repo_ids(fixture, enabled, arch="x86_64"):
    from migrate.plan.resolve import target_repo_ids

    facts = facts_of(fixture)._replace(arch=arch, repos=tuple(repo(r) for r in enabled))
    _, source, target, _ = situation(facts)
    return target_repo_ids(facts, source, target)


@pytest.mark.parametrize("fixture,enabled,expected", [
    ("rocky9", ["baseos", "appstream", "crb"], "crb"),
    ("rocky8", ["baseos", "appstream", "powertools", "ha"], "powertools ha"),
    ("stream8", ["baseos", "appstream", "powertools"], "powertools"),
    ("centos8", ["baseos", "appstream", "powertools", "centosplus"], "powertools plus"),
    ("oracle8", ["ol8_baseos_latest", "ol8_appstream", "ol8_codeready_builder"], "powertools"),
    ("oracle9", ["ol9_baseos_latest", "ol9_appstream", "ol9_addons"], "extras"),
    ("miracle8", ["8-latest-BaseOS", "8-latest-PowerTools"], "powertools"),
    ("rhel9", ["rhel-9-for-x86_64-baseos-eus-rpms", "codeready-builder-for-rhel-9-x86_64-eus-rpms",
               "rhel-9-for-x86_64-sap-solutions-e4s-rpms"], "crb saphana"),
    ("rhel8", ["rhel-8-for-x86_64-highavailability-rpms", "rhel-8-for-x86_64-rt-rpms"], "ha rt"),
    ("rhel10", ["rhel-10-for-x86_64-appstream-rpms", "codeready-builder-for-rhel-10-x86_64-rpms"], "crb"),
])
def test_enabled_source_repos_map_to_their_almalinux_counterparts(fixture, enabled, expected):
    ids = _target_repo_ids(fixture, enabled)
    assert set(expected.split()) <= set(ids) and {"baseos", "appstream"} <= set(ids)


@pytest.mark.parametrize("arch", ["aarch64", "ppc64le", "s390x"])
def test_rhel_cdn_ids_map_on_every_arch(arch):
    ids = _target_repo_ids("rhel9", ["codeready-builder-for-rhel-9-%s-rpms" % arch,
                                     "rhel-9-for-%s-highavailability-eus-rpms" % arch], arch=arch)
    assert {"crb", "highavailability"} <= set(ids)
    assert "crb" not in _target_repo_ids("rhel9", ["codeready-builder-for-rhel-9-x86_64-rpms"], arch=arch)


def test_rhel_removes_rhsm_insights_rhc_and_rhui_but_never_cockpit():
    rhel = [p for p in profiles().sources if p.id == "rhel"][0].for_major(9)
    removed = rhel.remove_packages + rhel.rhsm_packages
    for name in ("subscription-manager", "insights-client", "rhc", "rh-amazon-rhui-client"):
        assert name in removed
    assert not [n for n in removed if n.startswith("cockpit")]
    assert rhel.repo_files_aside == ["redhat.repo", "ubi.repo"] and rhel.unregister == "rhsm"


@pytest.mark.parametrize("major", [8, 9, 10])
def test_oracle_swaps_epel_keeps_uek_and_installs_a_kernel(major):
    oracle = [p for p in profiles().sources if p.id == "oracle"][0].for_major(major)
    assert oracle.branding["oracle-epel-release-el%d" % major] == "epel-release"
    assert "kernel-uek" in oracle.kept_packages and oracle.ensure_installed == ["kernel"]
    assert oracle.release_packages == ["oraclelinux-release", "oraclelinux-release-el%d" % major]
    assert oracle.module_streams == ({"ol8": "rhel8"} if major == 8 else {})


@pytest.mark.parametrize("fixture,enabled,expected", [
    ("rocky8", ["baseos", "appstream", "powertools"], ["baseos", "appstream", "extras", "powertools"]),
    ("rocky9", ["baseos", "appstream", "crb"], ["baseos", "appstream", "crb", "extras"]),
    ("rocky10", ["baseos", "appstream"], ["baseos", "appstream", "extras"]),
    ("oracle8", ["ol8_baseos_latest", "ol8_appstream"], ["baseos", "appstream", "extras"]),
])
def test_almalinux_default_repos_come_with_the_mapped_ones(fixture, enabled, expected):
    """AlmaLinux's own repo files enable baseos, appstream and extras: Oracle 8's EPEL swap needs
    extras' epel-release even when ol8_addons is off."""
    assert _target_repo_ids(fixture, enabled) == expected


def test_rocky_94_is_rocky_major_9_to_alma_9():
    _, source, target, _ = situation()
    assert (source.profile.id, source.version, source.major) == ("rocky", "9.4", 9)
    assert (target.version, target.major, target.mirror) == ("9", 9, "https://repo.almalinux.org/almalinux")


def test_stream_matches_by_name():
    _, source, _, _ = situation(make_facts(os_release=STREAM9_OS_RELEASE))
    assert source.profile.id == "centos-stream" and source.profile.downgrade_expected


def test_centos_without_stream_name_is_not_stream():
    facts = make_facts(os_release=OsRelease("centos", "CentOS Linux", "8", "CentOS Linux 8"))
    _, source, _, _ = situation(facts)
    assert source.profile.id == "centos-linux"


def test_mirror_urls_follow_the_official_layout():
    _, source, target, _ = situation(mirror="http://127.0.0.1:9/alma/", target="9.4")
    assert target.repo_url("BaseOS", source.arch) == "http://127.0.0.1:9/alma/9.4/BaseOS/x86_64/os/"
    assert target.key_url == "http://127.0.0.1:9/alma/RPM-GPG-KEY-AlmaLinux-9"

"""Every supported source x major converts end to end through the CLI, with what is special
about each source checked, and AlmaLinux 8, 9 and 10 hosts report `already_converted`.

Hosts come from fixture/hosts.py (built on first use, cached per host); each major converts
against its own AlmaLinux mirror at MIRROR/hosts/almalinux."""
import os
import pathlib

import pytest

from tests.sandbox.cli import SIG_QF, dnf_check, installed_signatures, rpm_query, run_cli
from tests.sandbox.fixture.hosts import (ALMA_HOSTS, ALMA_KERNEL, CUSTOM_VAR, HOSTS, ISSUE_EDIT, MODULE,
                                         MODULE_PKG, build_host)
from tests.sandbox.fixture.roots import copy_root
from tests.schema import assert_valid_report

RHSM = ("subscription-manager", "subscription-manager-cockpit",
        "subscription-manager-rhsm-certificates", "insights-client", "rh-amazon-rhui-client")


def hosts_mirror(mirror):
    return mirror.rstrip("/") + "/hosts/almalinux"


def _host(world, name, tmp_path):
    host = build_host(world, name)
    return host, pathlib.Path(copy_root(host.root, str(tmp_path / name)))


def _convert(world, mirror, trust_config, name, tmp_path, *extra):
    host, root = _host(world, name, tmp_path)
    args = ["convert", "--yes", "--mirror", hosts_mirror(mirror)] + list(extra)
    if HOSTS[name].downgrade:
        args.append("--downgrade")
    return host, root, run_cli(root, *args, config=trust_config)


def _repo_enabled(root, repo_id):
    """Whether [repo_id] is enabled=1 in some file of the root's /etc/yum.repos.d."""
    for path in (root / "etc" / "yum.repos.d").glob("*.repo"):
        section = None
        for line in path.read_text().splitlines():
            line = line.strip()
            if line.startswith("["):
                section = line.strip("[]")
            elif section == repo_id and line.replace(" ", "") == "enabled=1":
                return True
    return False


@pytest.mark.parametrize("name", sorted(HOSTS))
def test_source_converts(world, mirror, trust_config, tmp_path, name):
    spec = HOSTS[name]
    host, root, result = _convert(world, mirror, trust_config, name, tmp_path)
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert report["status"] == "converted"
    steps = dict((s["id"], s) for s in report["steps"])
    assert all(s["outcome"] in ("done", "skipped") for s in steps.values()), steps

    os_release = (root / "usr" / "lib" / "os-release").read_text()
    assert 'ID="almalinux"' in os_release and ('VERSION_ID="%d.' % spec.major) in os_release
    assert report["source"]["profile"] == spec.profile and report["source"]["major"] == spec.major
    # The source's own repos are never used: the plan reads only the AlmaLinux mirror.
    assert all(r["url"].startswith(hosts_mirror(mirror)) for r in report["plan"]["repos"])

    alma = world.keys["alma"].keyid
    signatures = installed_signatures(root)
    for name_ in host.kinds.get("swapped", []) + host.kinds.get("removed", []):
        assert name_ not in signatures, "%s is still installed" % name_
    for new in host.swaps.values():
        assert signatures[new] == alma, new
    for kind in ("same_rebuilt", "same_resigned", "target_higher", "target_lower", "lateral"):
        for name_ in host.kinds.get(kind, []):
            assert signatures[name_] == alma, "%s (%s) is signed by %s" % (name_, kind, signatures[name_])
    left = dict((e["name"], e["reason"]) for e in report["leftovers"])
    expected = dict((n, "no_counterpart") for n in host.kinds["source_only"])
    expected.update((n, "third_party") for n in host.kinds["third_party"])
    expected.update((n, "kept") for n in host.kinds.get("kept", []))
    expected.update((n, "no_counterpart") for n in host.kinds.get("needed", []))
    expected.update((n, "fallback_kernel") for n in host.kinds.get("installonly", []))  # older kernels kept
    assert left == expected
    # AlmaLinux's build of the same upstream release under another vendor mark: lateral, and no
    # --downgrade was needed for it (Stream hosts, ahead of AlmaLinux, are the ones that pass it)
    lateral = sorted(e["name"] for e in report["plan"]["lateral"])
    assert lateral == sorted(host.kinds.get("lateral", []))
    assert not set(lateral) & set(e["name"] for e in report["plan"]["downgraded"])
    if not spec.downgrade:
        assert report["plan"]["downgraded"] == []

    # The AlmaLinux counterpart of every enabled source repo is enabled afterwards.
    for _, counterpart in spec.repos:
        if counterpart:
            assert _repo_enabled(root, counterpart), counterpart
    assert (root / "etc" / "issue").read_text() == ISSUE_EDIT  # the admin's banner stays
    assert (root / CUSTOM_VAR[0].lstrip("/")).read_text() == CUSTOM_VAR[1]
    assert os.readlink(str(root / "etc" / "alternatives" / "sandbox-shell")) == "/usr/bin/bash"
    assert "# edited by admin" in (root / "etc" / "confpkg.conf").read_text()
    assert _repo_enabled(root, "thirdparty")
    if spec.major == 8:  # the enabled module stream survives (Oracle's: as rhel8), AlmaLinux's build
        assert signatures[MODULE_PKG] == alma
        state = (root / "etc" / "dnf" / "modules.d" / (MODULE + ".module")).read_text()
        assert "stream=rhel8" in state and "state=enabled" in state
    rc, output = dnf_check(root, tmp_path / "home")
    assert rc == 0 and output.strip() == "", output
    _special(spec, root, report, signatures, alma)


def _special(spec, root, report, signatures, alma):
    if spec.profile == "rhel":
        assert not [n for n in RHSM if n in signatures]
        assert signatures["cockpit"] == alma  # never taken along with subscription-manager-cockpit
        # rhc is on the removal list, but rhc-dependent-tool needs it: kept rather than taken along
        assert "rhc" in signatures and "rhc-dependent-tool" in signatures
        assert {"kind": "kept", "from": ["rhc"], "to": ["rhc"]} in report["plan"]["swapped"]
        repos = root / "etc" / "yum.repos.d"
        assert not (repos / "redhat.repo").exists() and not (repos / "redhat-rhui.repo").exists()
        assert (repos / "redhat.repo.almalinux-migrate-disabled").exists()
        steps = dict((s["id"], s) for s in report["steps"])
        assert "not the live host" in steps["UNREGISTER_SUBSCRIPTION"]["detail"]
        assert (root / "etc" / "pki" / "consumer" / "cert.pem").exists()
    elif spec.profile == "oracle":
        assert signatures["epel-release"] == alma and "oracle-epel-release-el%d" % spec.major not in signatures
        assert signatures["kernel"] == alma  # an AlmaLinux kernel is installed...
        assert "kernel-uek" in signatures  # ...and UEK is kept, reported as kept
        assert "linux-firmware-core" not in signatures and signatures["linux-firmware"] == alma
        removed = dict((e["name"], e) for e in report["plan"]["removed"])
        assert "linux-firmware" in removed["linux-firmware-core"]["reason"]  # a known conflict, and why
        if spec.major == 8:  # ol8 module streams have no AlmaLinux build: remapped to rhel8
            assert {"kind": "module_stream", "from": [MODULE + ":ol8"], "to": [MODULE + ":rhel8"]} in \
                report["plan"]["swapped"]
    elif spec.profile == "centos-stream":
        assert report["plan"]["downgraded"] and "epel-next-release" not in signatures
        sss = root / "var" / "lib" / "sss" / "db"
        assert [p.name for p in sss.iterdir()] == ["cache_example.com.ldb.almalinux-migrate-bak"]


def test_rhel_keep_rhsm_stays_registered(world, mirror, trust_config, tmp_path):
    host, root, result = _convert(world, mirror, trust_config, "rhel-9", tmp_path, "--keep-rhsm")
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    signatures = installed_signatures(root)
    assert "subscription-manager" in signatures and "insights-client" not in signatures
    assert (root / "etc" / "yum.repos.d" / "redhat.repo").exists()
    steps = dict((s["id"], s["outcome"]) for s in report["steps"])
    assert steps["UNREGISTER_SUBSCRIPTION"] == "skipped" and steps["SET_ASIDE_REPO_FILES"] == "skipped"


def test_third_party_disable_switches_them_off_for_the_sync_only(world, mirror, trust_config, tmp_path):
    _, root, result = _convert(world, mirror, trust_config, "oracle-9", tmp_path, "--third-party", "disable")
    assert result.returncode == 0, result
    steps = dict((s["id"], s) for s in assert_valid_report(result.document)["steps"])
    assert steps["DISABLE_THIRD_PARTY_REPOS"]["detail"] == "disabled thirdparty"
    assert steps["ENABLE_THIRD_PARTY_REPOS"]["detail"] == "re-enabled thirdparty"
    assert _repo_enabled(root, "thirdparty") and "thirdparty-agent" in installed_signatures(root)


@pytest.mark.parametrize("name", sorted(ALMA_HOSTS))
def test_almalinux_host_is_already_converted(world, mirror, trust_config, tmp_path, name):
    _, root = _host(world, name, tmp_path)
    result = run_cli(root, "preflight", "--mirror", hosts_mirror(mirror), config=trust_config)
    report = assert_valid_report(result.document)
    assert result.returncode == 0 and report["status"] == "already_converted", result
    assert report["source"]["major"] == ALMA_HOSTS[name]


def _kernels(root):
    """{NEVRA: signing key id} of every installed kernel and kernel-core."""
    lines = rpm_query(root, "-q", "--qf", "%{NEVRA} " + SIG_QF.split(" ", 1)[1], "kernel", "kernel-core")
    return dict((line.split(" ")[0], line.rsplit("Key ID ", 1)[1].strip()) for line in lines)


@pytest.mark.parametrize("name", ["rocky-9-kernels", "rocky-9-kernels3"])
def test_every_source_kernel_is_kept_beside_almalinux_kernel(world, mirror, trust_config, tmp_path, name):
    """dnf decides install-only by provides (installonlypkg(kernel)): older kernels are never
    erased as duplicates; the one with AlmaLinux's very NEVRA is reinstalled as AlmaLinux's."""
    host, root = _host(world, name, tmp_path)
    before = _kernels(root)
    assert len(before) == 2 * len(HOSTS[name].kernels)
    result = run_cli(root, "convert", "--yes", "--mirror", hosts_mirror(mirror), config=trust_config)
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    after = _kernels(root)
    alma_kernel = "5.14.0-%s.x86_64" % ALMA_KERNEL[1]
    expected = dict((nevra, keyid) for nevra, keyid in before.items() if alma_kernel not in nevra)
    expected.update(("%s-%s" % (n, alma_kernel), world.keys["alma"].keyid) for n in ("kernel", "kernel-core"))
    assert after == expected
    assert not [e for e in report["plan"]["removed"] if e["name"].startswith("kernel")]


def test_a_third_party_epel_release_stays_as_it_is(world, mirror, trust_config, tmp_path):
    """AlmaLinux's extras (enabled by default) carries epel-release too: EPEL's own stays."""
    host, root = _host(world, "rocky-9-kernels", tmp_path)
    before = installed_signatures(root)["epel-release"]
    epel = rpm_query(root, "-q", "epel-release")
    result = run_cli(root, "convert", "--yes", "--mirror", hosts_mirror(mirror), config=trust_config)
    assert result.returncode == 0, result
    assert "extras" in [r["id"] for r in result.document["plan"]["repos"]]
    assert installed_signatures(root)["epel-release"] == before == world.keys["thirdparty"].keyid
    assert rpm_query(root, "-q", "epel-release") == epel


def _mirror_without_extras(world, major, tmp_path):
    """A copy of AlmaLinux `major`'s sandbox mirror without its extras repo."""
    import shutil

    from tests.sandbox.fixture.hosts import ALMA

    source = pathlib.Path(world.srv) / "hosts" / "almalinux"
    tree = tmp_path / "srv" / "almalinux"
    shutil.copytree(str(source / ALMA[major]), str(tree / ALMA[major]), symlinks=True)
    shutil.rmtree(str(tree / ALMA[major] / "extras"))
    (tree / str(major)).symlink_to(ALMA[major])
    key = "RPM-GPG-KEY-AlmaLinux-%d" % major
    shutil.copyfile(str(source / key), str(tree / key))
    return tmp_path / "srv"


def test_a_swap_whose_package_is_not_on_the_mirror_is_a_finding(world, trust_config, tmp_path):
    """Oracle's EPEL release package becomes AlmaLinux's epel-release (extras); a mirror without
    extras blocks with SWAP_TARGET_MISSING rather than removing it for nothing, and with
    --allow the old package stays."""
    from tests.sandbox.cli import diff_snapshots, snapshot
    from tests.sandbox.fixture import serve

    host, root = _host(world, "oracle-8", tmp_path)
    (tmp_path / "srv").mkdir()
    server = serve(str(_mirror_without_extras(world, 8, tmp_path)))
    try:
        before = snapshot(root)
        args = ["convert", "--yes", "--mirror", server.url + "/almalinux"]
        blocked = run_cli(root, *args, config=trust_config)
        assert blocked.returncode == 3, blocked
        findings = dict((f["id"], f) for f in assert_valid_report(blocked.document)["findings"])
        assert findings["SWAP_TARGET_MISSING"]["data"] == {"packages": ["epel-release"]}
        assert {"kind": "unavailable", "from": ["oracle-epel-release-el8"], "to": ["epel-release"]} in \
            blocked.document["plan"]["swapped"]
        assert diff_snapshots(before, snapshot(root)) == []
        allowed = run_cli(root, *(args + ["--allow", "SWAP_TARGET_MISSING"]), config=trust_config)
    finally:
        server.stop()
    assert allowed.returncode == 0, allowed
    signatures = installed_signatures(root)
    assert signatures["oracle-epel-release-el8"] == host.keyid and "epel-release" not in signatures


def test_kernels_kept_are_those_a_bare_dnf_distro_sync_keeps(world, mirror, trust_config, tmp_path):
    """The reference is dnf itself: `dnf distro-sync` on a copy of the host, against the same
    mirror, keeps the same kernel NEVRAs the conversion keeps."""
    from tests.sandbox.fixture.hosts import ALMA, _env
    from tests.sandbox.fixture.roots import dnf_argv, write_build_config
    from tests.sandbox.fixture.run import run

    host, root = _host(world, "rocky-9-kernels", tmp_path / "converted")
    _, bare = _host(world, "rocky-9-kernels", tmp_path / "bare")
    result = run_cli(root, "convert", "--yes", "--mirror", hosts_mirror(mirror), config=trust_config)
    assert result.returncode == 0, result
    config, empty = write_build_config(str(tmp_path / "dnf"))
    tree = os.path.join(world.srv, "hosts", "almalinux", ALMA[9])
    repos = ["--repofrompath=%s,file://%s/%s/x86_64/os" % (r.lower(), tree, r) for r in ("BaseOS", "AppStream")]
    run(dnf_argv(str(bare), "-y", "--config=" + config, "--releasever=9", "--nogpgcheck",
                 "--setopt=reposdir=" + empty) + repos + ["distro-sync"], _env(world))
    assert sorted(_kernels(root)) == sorted(_kernels(bare))

"""Hosts of every other architecture convert end to end: the architecture comes from the
root's packages, dnf resolves and installs for it (--forcearch), AlmaLinux's kernel is
installed next to the old vendor's, and the boot steps are skipped under --root."""
import pytest

from tests.sandbox.arch_world import ALMA_KERNEL, ROCKY_KERNEL, build_arch_host
from tests.sandbox.cli import installed_signatures, rpm_query, run_cli
from tests.sandbox.fixture import serve
from tests.schema import assert_valid_report


@pytest.mark.parametrize("arch", ["aarch64", "ppc64le", "s390x"])
def test_rocky9_of_another_architecture_converts(world, trust_config, tmp_path, arch):
    srv, root = build_arch_host(world, arch, tmp_path / "build")
    with serve(srv) as server:
        result = run_cli(root, "convert", "--yes", "--mirror", server.url + "/almalinux", config=trust_config)
    report = assert_valid_report(result.document)
    assert result.returncode == 0, result
    assert report["source"]["arch"] == arch
    assert "ID=\"almalinux\"" in (tmp_path / "build" / "root" / "etc" / "os-release").read_text()

    arches = set(line.rsplit(".", 1)[-1] for line in rpm_query(root, "-qa", "--qf", "%{NAME}.%{ARCH}\\n")
                 if not line.startswith("gpg-pubkey"))
    assert arches == {arch, "noarch"}
    kernels = rpm_query(root, "-q", "--qf", "%{VERSION}-%{RELEASE}\\n", "kernel-core")
    assert sorted(kernels) == sorted(["-".join(ALMA_KERNEL), "-".join(ROCKY_KERNEL)])  # old one kept
    assert installed_signatures(root)["kernel"] == world.keys["alma"].keyid
    assert "kernel" in [e["name"] for e in report["plan"]["installed"]]
    fallback = [e for e in report["leftovers"] if e["name"] == "kernel-core"]
    assert [e["reason"] for e in fallback] == ["fallback_kernel"]  # named as such, not no_counterpart
    assert fallback[0]["nevra"].startswith("kernel-core-" + "-".join(ROCKY_KERNEL))
    steps = dict((s["id"], s) for s in report["steps"])
    assert steps["UPDATE_EFI_ENTRIES"]["detail"].startswith("skipped: not the live machine")

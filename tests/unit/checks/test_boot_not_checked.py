"""BOOT_NOT_CHECKED: under --root or in a container only the packages are judged, and it says so."""
from tests.boot_machines import boot_packages, verify_boot
from tests.factories import boot_facts, make_facts


def test_under_root_only_the_packages_are_checked():
    facts = make_facts(is_live=False, packages=boot_packages())
    assert [f["id"] for f in verify_boot(facts)] == ["FOREIGN_KERNELS_LEFT", "BOOT_NOT_CHECKED"]
    assert verify_boot(facts)[1]["detail"] == "skipped: not the live machine (--root)"


def test_in_a_container_the_kernel_is_the_hosts():
    lxc = boot_facts(bootloader="", container="lxc", esp_source="", esp_members=())
    found = verify_boot(make_facts(boot=lxc, packages=boot_packages(), running_kernel="6.8.0-45-generic"))
    assert [(f["id"], f["detail"]) for f in found] == [
        ("FOREIGN_KERNELS_LEFT", "kernel-core-5.14.0-362.24.1.el9_3.x86_64"),
        ("BOOT_NOT_CHECKED", "skipped: a container (lxc)")]

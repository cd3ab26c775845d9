"""FOREIGN_KERNELS_LEFT: after a good reboot the old vendor's fallback kernel is all that is left."""
from migrate.checks.base import WARNING
from tests.boot_machines import ALMA_KERNEL, boot_packages, rebooted_facts, verify_boot


def test_a_good_reboot_warns_only_about_fallback_kernels(tmp_path):
    found = verify_boot(rebooted_facts(tmp_path, boot_packages(), running=ALMA_KERNEL))
    assert [(f["id"], f["severity"]) for f in found] == [("FOREIGN_KERNELS_LEFT", WARNING)]
    assert found[0]["detail"] == "kernel-core-5.14.0-362.24.1.el9_3.x86_64"

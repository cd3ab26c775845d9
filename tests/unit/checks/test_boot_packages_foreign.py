"""BOOT_PACKAGES_FOREIGN: a shim still signed by the old vendor."""
from migrate.checks.base import BLOCKER
from tests.boot_machines import ALMA_KERNEL, boot_packages, rebooted_facts, verify_boot


def test_a_foreign_shim_blocks(tmp_path):
    facts = rebooted_facts(tmp_path, boot_packages(foreign_shim=True), running=ALMA_KERNEL)
    found = dict((f["id"], f) for f in verify_boot(facts))
    assert found["BOOT_PACKAGES_FOREIGN"]["severity"] == BLOCKER
    assert found["BOOT_PACKAGES_FOREIGN"]["detail"] == "shim-x64-1.0-1.el9.x86_64"

"""RUNNING_KERNEL_FOREIGN: the machine came up in the old vendor's kernel again."""
from migrate.checks.base import BLOCKER
from tests.boot_machines import OLD_KERNEL, boot_packages, kernel_release, rebooted_facts, verify_boot


def test_still_in_the_old_kernel_blocks(tmp_path):
    found = dict((f["id"], f) for f in verify_boot(rebooted_facts(tmp_path, boot_packages())))
    assert found["RUNNING_KERNEL_FOREIGN"]["severity"] == BLOCKER
    assert found["RUNNING_KERNEL_FOREIGN"]["detail"] == "running " + kernel_release(OLD_KERNEL, "x86_64")
    assert "DEFAULT_ENTRY_FOREIGN" not in found  # the entry itself is AlmaLinux's

"""DEFAULT_ENTRY_FOREIGN: the default entry is AlmaLinux's but a file it loads is gone."""
from tests.boot_machines import ALMA_KERNEL, boot_packages, kernel_release, rebooted_facts, verify_boot


def test_a_missing_initramfs_is_named(tmp_path):
    initramfs = "/boot/initramfs-%s.img" % kernel_release(ALMA_KERNEL, "x86_64")
    facts = rebooted_facts(tmp_path, boot_packages(), running=ALMA_KERNEL, without=[initramfs])
    found = dict((f["id"], f) for f in verify_boot(facts))
    assert found["DEFAULT_ENTRY_FOREIGN"]["detail"] == "default kernel /boot/vmlinuz-%s; missing: %s" % (
        kernel_release(ALMA_KERNEL, "x86_64"), initramfs)

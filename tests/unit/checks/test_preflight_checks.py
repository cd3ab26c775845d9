"""The boot-related host checks (kernels, firmware, ESP, bootloader, container) over plain-data
facts: one situation each, asserting IDs and key facts."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER, INFO, WARNING
from migrate.facts.boot.model import EspMember
from migrate.facts.model import KernelModule, Memory
from tests.factories import base_packages, boot_facts, kernel, make_facts, mount, package
from tests.kit import check_findings

MIB = 1024 * 1024
GIB = 1024 * MIB
KERNEL_9_4 = "5.14.0-427.13.1.el9_4.x86_64"


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_healthy_live_host_has_no_host_findings():
    facts = make_facts(running_kernel=KERNEL_9_4, loaded_modules=(KernelModule("xfs", ""),),
                       fips_enabled=False, boot=boot_facts(), bootloaders=("grub2",),
                       mounts=(mount("/"), mount("/boot/efi", "vfat")), memory=Memory(4 * GIB, 3 * GIB, 0),
                       package_managers_running=(),
                       packages=base_packages(kernel("427.13.1.el9_4")))
    assert sorted(_host(facts)) == []


def test_older_running_kernel_warns():
    facts = make_facts(running_kernel="5.14.0-362.24.1.el9_3.x86_64",
                       packages=base_packages(kernel("362.24.1.el9_3"), kernel("427.13.1.el9_4")))
    finding = _host(facts)["RUNNING_KERNEL_NOT_NEWEST"]
    assert finding["severity"] == WARNING
    assert finding["data"]["newest"] == "kernel-core-5.14.0-427.13.1.el9_4.x86_64"


def test_debug_variant_is_matched_to_its_own_package():
    from migrate.checks.kernels import running_kernel_package

    facts = make_facts(running_kernel="5.14.0-427.el9.x86_64+debug",
                       packages=base_packages(kernel("427.el9"), kernel("427.el9", name="kernel-debug-core")))
    assert running_kernel_package(facts).name == "kernel-debug-core"
    assert running_kernel_package(facts._replace(running_kernel="5.14.0-427.el9.x86_64")).name == "kernel-core"


def test_kernel_nobody_packaged_is_custom():
    facts = make_facts(running_kernel="6.8.9-custom", packages=base_packages(kernel("427.13.1.el9_4")))
    findings = _host(facts)
    assert "6.8.9-custom" in findings["CUSTOM_KERNEL"]["detail"]
    assert "RUNNING_KERNEL_NOT_NEWEST" not in findings


def test_elrepo_kernel_is_custom():
    ml = package("kernel-ml", "6.9.1", "1.el9.elrepo", vendor="The ELRepo Project (http://elrepo.org)")
    facts = make_facts(running_kernel="6.9.1-1.el9.elrepo.x86_64", packages=base_packages(ml, kernel("427.13.1.el9_4")))
    assert _host(facts)["CUSTOM_KERNEL"]["data"]["vendor"].startswith("The ELRepo Project")


def test_almalinux_kernel_on_the_source_is_not_custom():
    alma = kernel("427.13.1.el9_4", vendor="AlmaLinux")
    assert "CUSTOM_KERNEL" not in _host(make_facts(running_kernel=KERNEL_9_4, packages=base_packages(alma)))


def test_secure_boot_is_info_until_something_would_not_load():
    plain = _host(make_facts(boot=boot_facts(secure_boot=True), mounts=(mount("/boot/efi", "vfat"),)))
    assert plain["SECURE_BOOT"]["severity"] == INFO
    facts = make_facts(boot=boot_facts(secure_boot=True), mounts=(mount("/boot/efi", "vfat"),), dkms_modules=("nvidia/535",),
                       packages=base_packages(package("kernel-uek-core", "5.15.0", "1.el9uek", vendor="Oracle America")))
    finding = _host(facts)["SECURE_BOOT"]
    assert finding["severity"] == WARNING and finding["data"]["foreign"] == ["kernel-uek-core", "dkms:nvidia/535"]


def test_efi_host_without_mounted_esp_blocks():
    assert _host(make_facts(boot=boot_facts(), mounts=(mount("/"),)))["ESP_NOT_MOUNTED"]["severity"] == BLOCKER
    wrong = make_facts(boot=boot_facts(), mounts=(mount("/"), mount("/boot/efi", "xfs")))
    assert "xfs" in _host(wrong)["ESP_NOT_MOUNTED"]["detail"]
    bios = boot_facts(bootloader="bios", esp_source="", esp_members=(), boot_disks=("/dev/vda",))
    assert "ESP_NOT_MOUNTED" not in _host(make_facts(boot=bios, mounts=(mount("/"),)))
    automount = (mount("/boot/efi", "autofs", source="systemd-1"),)
    assert "ESP_NOT_MOUNTED" not in _host(make_facts(boot=boot_facts(), mounts=automount))
    lxc = boot_facts(bootloader="", container="lxc", esp_source="", esp_members=())
    assert "ESP_NOT_MOUNTED" not in _host(make_facts(boot=lxc, mounts=()))


def test_esp_on_md_raid_warns():
    members = (EspMember("/dev/sda1", "/dev/sda", 1, ""), EspMember("/dev/sdb1", "/dev/sdb", 1, ""))
    facts = make_facts(boot=boot_facts(esp_source="/dev/md127", esp_members=members),
                       mounts=(mount("/"), mount("/boot/efi", "vfat", source="/dev/md127")))
    assert _host(facts)["ESP_ON_RAID"]["data"] == {"device": "/dev/md127"}
    assert "ESP_ON_RAID" not in _host(make_facts(boot=boot_facts(), mounts=(mount("/boot/efi", "vfat"),)))


def test_systemd_boot_blocks_and_can_be_allowed():
    finding = _host(make_facts(bootloaders=("systemd-boot",)))["BOOTLOADER_UNSUPPORTED"]
    assert finding["severity"] == BLOCKER and finding["overridable"]
    assert _host(make_facts(bootloaders=("systemd-boot",)), allow=("BOOTLOADER_UNSUPPORTED",))[
        "BOOTLOADER_UNSUPPORTED"]["overridden"]
    assert "BOOTLOADER_UNSUPPORTED" not in _host(make_facts(bootloaders=("grub2", "systemd-boot")))
    assert "BOOTLOADER_UNSUPPORTED" not in _host(make_facts(bootloaders=()))


def test_readonly_sys_is_normal_in_a_container():
    podman = boot_facts(bootloader="", container="podman", esp_source="", esp_members=())
    facts = make_facts(boot=podman, mounts=(mount("/"), mount("/sys", "sysfs", readonly=True)))
    findings = _host(facts)
    assert "READONLY_MOUNTS" not in findings and findings["CONTAINER"]["data"] == {"container": "podman"}
    assert "/sys" in _host(make_facts(boot=boot_facts(), mounts=(mount("/sys", "sysfs", readonly=True),)))[
        "READONLY_MOUNTS"]["detail"]



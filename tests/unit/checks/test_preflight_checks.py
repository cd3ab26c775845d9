"""Issue 3's checks over plain-data facts: one situation each, asserting IDs and key facts."""
from migrate.checks import HOST_CHECKS, TARGET_CHECKS
from migrate.checks.base import BLOCKER, INFO, WARNING, CheckInput, run_checks
from migrate.checks.insufficient_disk_space import required_bytes
from migrate.facts.boot.model import EspMember
from migrate.facts.model import (BrokenDependency, DnfConfig, FreeSpace, KernelModule, Memory, ModuleStream,
                                 Panel, Registration)
from migrate.plan.model import empty_plan
from tests.factories import boot_facts, make_facts, mount, package, repo, situation

MIB = 1024 * 1024
GIB = 1024 * MIB
KERNEL_9_4 = "5.14.0-427.13.1.el9_4.x86_64"


def _host(facts=None, **options):
    facts, source, target, opts = situation(facts, **options)
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, CheckInput(source, target, opts),
                                                 set(opts.allow)))


def _target(facts, plan):
    facts, source, target, opts = situation(facts)
    given = CheckInput(source, target, opts, plan=plan)
    return dict((f["id"], f) for f in run_checks(TARGET_CHECKS, facts, given, set()))


def base_packages(*extra):
    return (package("rocky-release", "9.4", arch="noarch"), package("bash", "5.1.8"),
            package("filesystem", "3.16")) + extra


def kernel(release, name="kernel-core", vendor="Rocky Enterprise Software Foundation"):
    return package(name, "5.14.0", release, vendor=vendor)._replace(installonly=True)


# -- a plain live host ----------------------------------------------------------------------------

def test_healthy_live_host_has_no_host_findings():
    facts = make_facts(running_kernel=KERNEL_9_4, loaded_modules=(KernelModule("xfs", ""),),
                       fips_enabled=False, boot=boot_facts(), bootloaders=("grub2",),
                       mounts=(mount("/"), mount("/boot/efi", "vfat")), memory=Memory(4 * GIB, 3 * GIB, 0),
                       package_managers_running=(),
                       packages=base_packages(kernel("427.13.1.el9_4")))
    assert sorted(_host(facts)) == []


def test_already_converted_host_is_not_blocked_by_conversion_checks():
    from migrate.facts.model import OsRelease

    facts = make_facts(os_release=OsRelease("almalinux", "AlmaLinux", "9.4", ""), panels=(Panel("Plesk", "17.8.11", "18.0.35"),),
                       packages=base_packages(package("zlib", "1", "1"), package("zlib", "1", "2")),
                       memory=Memory(100 * MIB, 10 * MIB, 0))
    assert sorted(_host(facts)) == ["ALREADY_CONVERTED"]


# -- kernel --------------------------------------------------------------------------------------

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


def test_running_uek_is_named():
    uek = package("kernel-uek-core", "5.15.0", "200.131.27.el9uek", vendor="Oracle America")
    facts = make_facts(running_kernel="5.15.0-200.131.27.el9uek.x86_64", packages=base_packages(uek))
    finding = _host(facts)["UEK_KERNEL"]
    assert "running kernel is UEK" in finding["detail"]
    assert finding["data"]["packages"] == ["kernel-uek-core-5.15.0-200.131.27.el9uek.x86_64"]


def test_tainting_modules_warn_with_names():
    facts = make_facts(loaded_modules=(KernelModule("nvidia", "POE"), KernelModule("xfs", ""),
                                       KernelModule("spl", "OE")))
    assert _host(facts)["TAINTED_MODULES"]["data"] == {"modules": ["nvidia", "spl"]}


def test_dkms_modules_warn():
    assert "zfs/2.1.15" in _host(make_facts(dkms_modules=("zfs/2.1.15",)))["DKMS_MODULES"]["detail"]


# -- firmware, boot, mounts, memory ---------------------------------------------------------------

def test_fips_mode_warns():
    assert _host(make_facts(fips_enabled=True))["FIPS_MODE"]["severity"] == WARNING


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


def test_btrfs_root_blocks_for_almalinux_9_from_fstab_or_mounts():
    from_fstab = _host(make_facts(fstab=(mount("/", "btrfs"), mount("/home", "btrfs"))))
    assert from_fstab["UNSUPPORTED_FILESYSTEM"]["detail"].endswith("/ (btrfs)")
    live = _host(make_facts(mounts=(mount("/var", "btrfs"),)))
    assert "/var (btrfs)" in live["UNSUPPORTED_FILESYSTEM"]["detail"]
    assert "UNSUPPORTED_FILESYSTEM" not in _host(make_facts(fstab=(mount("/srv", "btrfs"),)))


def test_readonly_usr_and_mnt_block():
    facts = make_facts(mounts=(mount("/"), mount("/usr", readonly=True), mount("/mnt", readonly=True),
                               mount("/srv", readonly=True)))
    assert _host(facts)["READONLY_MOUNTS"]["data"] == {"paths": ["/mnt", "/usr"]}


def test_readonly_sys_is_normal_in_a_container():
    podman = boot_facts(bootloader="", container="podman", esp_source="", esp_members=())
    facts = make_facts(boot=podman, mounts=(mount("/"), mount("/sys", "sysfs", readonly=True)))
    findings = _host(facts)
    assert "READONLY_MOUNTS" not in findings and findings["CONTAINER"]["data"] == {"container": "podman"}
    assert "/sys" in _host(make_facts(boot=boot_facts(), mounts=(mount("/sys", "sysfs", readonly=True),)))[
        "READONLY_MOUNTS"]["detail"]


def test_remounted_read_write_is_fine():
    facts = make_facts(mounts=(mount("/usr", readonly=True), mount("/usr")))
    assert "READONLY_MOUNTS" not in _host(facts)


def test_memory_thresholds():
    assert "LOW_MEMORY" not in _host(make_facts(memory=Memory(2 * GIB, 1200 * MIB, 0)))
    assert _host(make_facts(memory=Memory(1 * GIB, 300 * MIB, 0)))["LOW_MEMORY"]["severity"] == WARNING
    assert _host(make_facts(memory=Memory(480 * MIB, 140 * MIB, 0)))["LOW_MEMORY"]["severity"] == BLOCKER


def test_running_dnf_blocks_idle_packagekit_warns():
    assert _host(make_facts(package_managers_running=("dnf (pid 812)",)))[
        "PACKAGE_MANAGER_RUNNING"]["severity"] == BLOCKER
    assert _host(make_facts(package_managers_running=("packagekitd (pid 77)",)))[
        "PACKAGE_MANAGER_RUNNING"]["severity"] == WARNING


def test_live_checks_are_skipped_under_a_root():
    facts = make_facts(is_live=False, is_superuser=None, fips_enabled=True, memory=Memory(1, 1, 0),
                       mounts=(mount("/usr", readonly=True),))
    findings = _host(facts)
    assert not set(findings) & {"FIPS_MODE", "LOW_MEMORY", "READONLY_MOUNTS"}


def test_a_lock_held_in_the_root_blocks_under_a_root_too():
    facts = make_facts(is_live=False, package_managers_running=("/var/lib/rpm/.rpm.lock held by pid 42",))
    assert "pid 42" in _host(facts)["PACKAGE_MANAGER_RUNNING"]["detail"]


# -- packages and dnf state ------------------------------------------------------------------------

def test_duplicates_block_but_kernels_do_not_count():
    facts = make_facts(packages=base_packages(package("zlib", "1.2.11", "40.el9"), package("zlib", "1.2.11", "41.el9"),
                                              kernel("362.el9"), kernel("427.el9"),
                                              package("glibc", arch="x86_64"), package("glibc", arch="i686")))
    finding = _host(facts)["DUPLICATE_PACKAGES"]
    assert finding["data"]["packages"] == ["zlib-1.2.11-40.el9.x86_64", "zlib-1.2.11-41.el9.x86_64"]
    assert finding["severity"] == BLOCKER and not finding["overridable"]


def test_install_only_is_what_provides_says_not_the_name():
    """kernel-tools is no install-only package (it provides no installonlypkg(kernel)); two
    records of one kernel NEVRA are an interrupted reinstall."""
    facts = make_facts(packages=base_packages(package("kernel-tools", "5.14.0", "362.el9"),
                                              package("kernel-tools", "5.14.0", "427.el9"),
                                              kernel("427.el9"), kernel("427.el9")))
    packages = _host(facts)["DUPLICATE_PACKAGES"]["data"]["packages"]
    assert packages == ["kernel-core-5.14.0-427.el9.x86_64"] * 2 + [
        "kernel-tools-5.14.0-362.el9.x86_64", "kernel-tools-5.14.0-427.el9.x86_64"]


def test_broken_dependencies_block_and_can_be_allowed():
    broken = (BrokenDependency("pkg0001-1.0-1.el9.x86_64", "pkg0000"),
              BrokenDependency("tool-2.0-1.el9.x86_64", "libfoo.so.1()(64bit)"))
    finding = _host(make_facts(broken_dependencies=broken))["BROKEN_DEPENDENCIES"]
    assert finding["severity"] == BLOCKER and finding["overridable"] and not finding["overridden"]
    assert "pkg0001-1.0-1.el9.x86_64 requires pkg0000" in finding["detail"]
    assert finding["data"]["dependencies"][1] == {"package": "tool-2.0-1.el9.x86_64", "requires": "libfoo.so.1()(64bit)"}
    assert _host(make_facts(broken_dependencies=broken), allow=("BROKEN_DEPENDENCIES",))["BROKEN_DEPENDENCIES"]["overridden"]


def test_satisfied_or_unknown_dependencies_say_nothing():
    assert "BROKEN_DEPENDENCIES" not in _host(make_facts(broken_dependencies=()))
    assert "BROKEN_DEPENDENCIES" not in _host(make_facts(broken_dependencies=None))


def test_versionlock_and_excludes_warn():
    facts = make_facts(dnf_config=DnfConfig(excludes=("kernel*",), versionlock=("nginx-1:1.20.1-14.el9.*",),
                                            versionlock_enabled=True))
    findings = _host(facts)
    assert findings["VERSIONLOCK_ENTRIES"]["data"]["entries"] == ["nginx-1:1.20.1-14.el9.*"]
    assert findings["DNF_EXCLUDES"]["data"] == {"excludes": ["kernel*"]}


def test_enabled_module_streams_are_listed():
    facts = make_facts(module_streams=(ModuleStream("nodejs", "18", "enabled"), ModuleStream("php", "", "disabled")))
    assert _host(facts)["MODULE_STREAMS"]["data"] == {"streams": ["nodejs:18"]}


def test_third_party_packages_inventory_shows_policy():
    agent = package("thirdparty-agent", vendor="Third Party Inc", keyid="1234567890abcdef")
    finding = _host(make_facts(packages=base_packages(agent)), third_party="disable")["THIRD_PARTY_PACKAGES"]
    assert finding["data"]["vendors"] == ["Third Party Inc"] and finding["data"]["policy"] == "disable"


def test_packages_without_repo():
    agent = package("thirdparty-agent", vendor="Third Party Inc")
    local = package("local-tool", vendor="")
    keep = package("epel-thing", vendor="Fedora Project")
    facts = make_facts(packages=base_packages(agent, local, keep),
                       repos=(repo("baseos"), repo("epel", file="/etc/yum.repos.d/epel.repo")),
                       package_origins=((agent.nevra, "thirdparty"), (keep.nevra, "epel"),
                                        ("bash-5.1.8-1.el9.x86_64", "anaconda")))
    finding = _host(facts)["PACKAGES_WITHOUT_REPO"]
    assert finding["data"]["packages"] == ["thirdparty-agent-1.0-1.el9.x86_64 (from thirdparty)",
                                           "local-tool-1.0-1.el9.x86_64 (installed by rpm)"]
    assert "PACKAGES_WITHOUT_REPO" not in _host(make_facts(packages=base_packages(agent), package_origins=None))


def test_rhsm_registration_and_satellite():
    assert "Red Hat CDN" in _host(make_facts(registration=Registration(True, "subscription.rhsm.redhat.com")))[
        "RHSM_REGISTERED"]["detail"]
    assert "satellite.example.com" in _host(make_facts(registration=Registration(True, "satellite.example.com")))[
        "RHSM_REGISTERED"]["detail"]
    katello = make_facts(packages=base_packages(package("katello-ca-consumer-satellite.example.com", arch="noarch")))
    assert _host(katello)["RHSM_REGISTERED"]["data"]["katello"] == ["katello-ca-consumer-satellite.example.com"]
    assert "RHSM_REGISTERED" not in _host(make_facts(registration=Registration(False, "")))


def test_rhui_client_warns():
    facts = make_facts(packages=base_packages(package("rh-amazon-rhui-client", "4.0.5", arch="noarch")))
    assert _host(facts)["RHUI_CLIENT"]["data"]["packages"] == ["rh-amazon-rhui-client-4.0.5-1.el9.noarch"]


def test_panels_warn_and_old_plesk_blocks():
    cpanel = _host(make_facts(panels=(Panel("cPanel", "11.118.0.12"), Panel("DirectAdmin", ""))))["CONTROL_PANEL"]
    assert cpanel["severity"] == WARNING and "DirectAdmin (version unknown)" in cpanel["detail"]
    old = _host(make_facts(panels=(Panel("Plesk", "17.8.11", "18.0.35"),)))["CONTROL_PANEL"]
    assert old["severity"] == BLOCKER and "17.8.11" in old["detail"]
    assert _host(make_facts(panels=(Panel("Plesk", "18.0.58", "18.0.35"),)))["CONTROL_PANEL"]["severity"] == WARNING


# -- free space (target phase) ---------------------------------------------------------------------

def _plan(download, install, remove, installed=()):
    plan = empty_plan()
    plan.update(download_size=download, install_size=install, remove_size=remove)
    plan["installed"] = [{"name": n, "nevra": n + "-1-1.x86_64"} for n in installed]
    return plan


def test_required_bytes_per_directory():
    needs = required_bytes(_plan(300 * MIB, 900 * MIB, 800 * MIB, installed=("kernel", "kernel-core", "shim-x64")))
    assert needs["/var"] == 400 * MIB and needs["/boot"] == 100 * MIB and needs["/boot/efi"] == 20 * MIB
    assert needs["/usr"] == 100 * MIB + 45 * MIB


def test_small_var_blocks_with_the_mount_named():
    space = (FreeSpace("/", "/", 10 * GIB, 20 * GIB), FreeSpace("/usr", "/", 10 * GIB, 20 * GIB),
             FreeSpace("/var", "/var", 190 * MIB, 2 * GIB), FreeSpace("/boot", "/boot", 600 * MIB, GIB))
    finding = _target(make_facts(free_space=space), _plan(300 * MIB, 900 * MIB, 800 * MIB))["INSUFFICIENT_DISK_SPACE"]
    assert finding["detail"].startswith("/var (for /var)") and finding["overridable"]


def test_directories_on_one_file_system_add_up():
    space = (FreeSpace("/", "/", 500 * MIB, GIB),)
    plan = _plan(300 * MIB, 300 * MIB, 0)  # /var 400 MiB + /usr 315 MiB, both on /
    assert "/ (for /usr, /var)" in _target(make_facts(free_space=space), plan)["INSUFFICIENT_DISK_SPACE"]["detail"]
    roomy = (FreeSpace("/", "/", 5 * GIB, 10 * GIB),)
    assert "INSUFFICIENT_DISK_SPACE" not in _target(make_facts(free_space=roomy), plan)


def test_a_running_panel_updater_blocks():
    from migrate.facts.panels import busy_processes
    lines = ["/usr/local/cpanel/3rdparty/bin/perl /usr/local/cpanel/scripts/upcp --cron",
             "/usr/local/cpanel/scripts/upcp",
             "vim /usr/local/cpanel/scripts/upcp.notes", "sshd: root@pts/0"]
    busy = busy_processes(lines, ["/usr/local/cpanel/scripts/upcp", "/usr/local/cpanel/bin/backup"])
    assert busy == tuple(sorted(lines[:2]))
    finding = _host(make_facts(panels=(Panel("cPanel", "11.118.0.12", "", (), busy),)))["PANEL_BUSY"]
    assert finding["severity"] == BLOCKER and "upcp" in finding["detail"]
    assert "PANEL_BUSY" not in _host(make_facts(panels=(Panel("cPanel", "11.118.0.12", "", (), ()),)))


def test_panel_busy_processes_are_read_from_proc_on_the_live_host_only(tmp_path):
    from migrate.facts.panels import collect_panels
    from migrate.root import Root
    from tests.kit import LiveRoot

    (tmp_path / "proc" / "4242").mkdir(parents=True)
    (tmp_path / "proc" / "4242" / "cmdline").write_bytes(b"/usr/local/psa/admin/sbin/autoinstaller\0--select-release-current\0")
    (tmp_path / "usr" / "local" / "psa").mkdir(parents=True)
    (tmp_path / "usr" / "local" / "psa" / "version").write_text("18.0.58 CentOS 9 1800231213.09\n")
    live = collect_panels(LiveRoot(str(tmp_path)))
    assert live[0].busy == ("/usr/local/psa/admin/sbin/autoinstaller --select-release-current",)
    assert collect_panels(Root(str(tmp_path)))[0].busy is None  # under --root: not the live machine

"""Parsers of the preflight's host facts, on captured output (tests/fixtures/output/)."""
import io
import subprocess
import sys
import os

from migrate.facts.dnfconf import (collect_dnf_config, collect_module_streams, collect_package_origins,
                                   parse_dnf_conf, parse_module_file, parse_versionlock_conf,
                                   parse_versionlock_list)
from migrate.facts.evr import evr_key, vercmp
from migrate.facts.kernel import collect_dkms_modules, collect_kernel, parse_flag, parse_proc_modules
from migrate.facts.machine import collect_memory, find_package_managers, parse_meminfo
from migrate.facts.pm_locks import clear_stale_dnf_locks, collect_lock_holders
from migrate.facts.mounts import collect_free_space, parse_df, parse_mounts
from migrate.facts.panels import collect_panels, parse_panel_version
from migrate.facts.rhsm import collect_registration, parse_rhsm_server
from migrate.root import Root
from tests.factories import FIXTURES, package
from tests.kit import FakeRunner

OUTPUT = os.path.join(FIXTURES, "output")


def _text(name):
    with io.open(os.path.join(OUTPUT, name), encoding="utf-8") as handle:
        return handle.read()


def _bytes(name):
    with open(os.path.join(OUTPUT, name), "rb") as handle:
        return handle.read()


def _put(tmp_path, path, text):
    target = tmp_path / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def test_proc_modules_taint_flags():
    modules = dict(parse_proc_modules(_text("proc-modules.nvidia-zfs.txt")))
    assert modules["nvidia"] == "POE" and modules["spl"] == "OE" and modules["xfs"] == ""
    assert len(modules) == 18


def test_stock_modules_carry_no_taints():
    assert all(m.taints == "" for m in parse_proc_modules(_text("proc-modules.stock.txt")))


def test_proc_flag():
    assert parse_flag("1\n") is True and parse_flag("0\n") is False and parse_flag("") is None


def test_proc_mounts_with_escaped_space_and_efi():
    mounts = parse_mounts(_text("proc-mounts.el9-efi.txt"))
    by_target = dict((m.target, m) for m in mounts)
    assert by_target["/boot/efi"].fstype == "vfat"
    assert by_target["/"].source == "/dev/mapper/rl-root" and not by_target["/"].readonly
    assert "/srv/backup disk" in by_target


def test_readonly_usr_mount():
    by_target = dict((m.target, m) for m in parse_mounts(_text("proc-mounts.readonly-usr.txt")))
    assert by_target["/usr"].readonly and by_target["/sys"].readonly and not by_target["/"].readonly


def test_fstab_skips_comments_and_reads_btrfs():
    entries = parse_mounts(_text("fstab.ol9-btrfs.txt"))
    assert [(m.target, m.fstype) for m in entries] == [("/", "btrfs"), ("/boot", "xfs"), ("/boot/efi", "vfat"),
                                                       ("/home", "btrfs")]
    assert len(parse_mounts(_text("fstab.rocky9-lvm.txt"))) == 5


def test_df_one_line_per_asked_path():
    space = parse_df(_text("df.rocky9-separate-var.txt"), ["/", "/usr", "/var", "/boot", "/boot/efi"])
    by_path = dict((s.path, s) for s in space)
    assert by_path["/usr"].mountpoint == "/" and by_path["/var"].mountpoint == "/var"
    assert by_path["/var"].available == 197566464 and by_path["/boot/efi"].size == 627900416


def test_free_space_asks_df_once_for_the_roots_directories(tmp_path):
    for path in ("usr", "var", "boot"):
        (tmp_path / path).mkdir()
    root = Root(str(tmp_path))
    header = "Filesystem 1-blocks Used Available Capacity Mounted on\n"
    line = "/dev/vda 1000 400 600 40% /\n"
    runner = FakeRunner({("df", "-P", "-B1", root.join("/"), root.join("/usr"), root.join("/var"),
                          root.join("/boot")): (0, header + line * 4)})
    space = collect_free_space(root, runner)
    assert [s.path for s in space] == ["/", "/usr", "/var", "/boot"] and len(runner.calls) == 1


def test_free_space_falls_back_to_one_df_per_path(tmp_path):
    (tmp_path / "var").mkdir()
    root = Root(str(tmp_path))
    header = "Filesystem 1-blocks Used Available Capacity Mounted on\n"
    runner = FakeRunner({
        ("df", "-P", "-B1", root.join("/"), root.join("/var")): (1, header + "/dev/vda 1000 400 600 40% /\n"),
        ("df", "-P", "-B1", root.join("/")): (0, header + "/dev/vda 1000 400 600 40% /\n"),
        ("df", "-P", "-B1", root.join("/var")): (1, ""),
    })
    assert [s.path for s in collect_free_space(root, runner)] == ["/"]


def test_meminfo():
    memory = parse_meminfo(_text("meminfo.rocky9-2g.txt"))
    assert memory.total == 1860088 * 1024 and memory.available == 1210420 * 1024
    assert memory.swap_free == 2097148 * 1024
    assert parse_meminfo("") is None


def test_live_only_facts_are_none_under_a_root(tmp_path):
    root = Root(str(tmp_path))
    assert collect_kernel(root) == (None, None, None)
    assert collect_memory(root) is None


def test_package_managers_and_held_dnf_lock(tmp_path):
    _put(tmp_path, "/proc/812/comm", "dnf\n")
    _put(tmp_path, "/proc/900/comm", "sshd\n")
    _put(tmp_path, "/proc/77/comm", "packagekitd\n")
    _put(tmp_path, "/proc/1000/comm", "rpm\n")  # our own process: ignored
    holder = os.getppid()  # a live process of this machine: dnf's lock names PIDs of the kernel
    _put(tmp_path, "/var/lib/dnf/rpmdb_lock.pid", str(holder))
    _put(tmp_path, "/var/cache/dnf/metadata_lock.pid", str(_dead_pid()))  # stale
    found = find_package_managers(Root(str(tmp_path)), own=1000)
    assert sorted(found) == ["/var/lib/dnf/rpmdb_lock.pid held by pid %d" % holder, "dnf (pid 812)",
                             "packagekitd (pid 77)"]


def _dead_pid():
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


HOLD_RPM_LOCK = """
import fcntl, sys
handle = open(sys.argv[1], "a+")
fcntl.lockf(handle.fileno(), fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


def test_held_rpm_and_dnf_locks_are_named_under_a_root_and_stale_dnf_locks_cleared(tmp_path):
    root = Root(str(tmp_path))
    _put(tmp_path, "/var/lib/rpm/rpmdb.sqlite", "")
    lock = tmp_path / "var/lib/rpm/.rpm.lock"
    lock.write_text("")
    _put(tmp_path, "/var/cache/dnf/metadata_lock.pid", str(_dead_pid()))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_RPM_LOCK, str(lock)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, universal_newlines=True)
    try:
        assert holder.stdout.readline() == "held\n"
        assert collect_lock_holders(root) == ("/var/lib/rpm/.rpm.lock held by pid %d" % holder.pid,)
    finally:
        holder.stdin.close()
        holder.wait()
    assert collect_lock_holders(root) == ()
    assert clear_stale_dnf_locks(root) == ["/var/cache/dnf/metadata_lock.pid"]
    assert sorted(os.listdir(str(tmp_path / "var/lib/rpm"))) == [".rpm.lock", "rpmdb.sqlite"]


def test_probing_locks_creates_nothing_in_the_root(tmp_path):
    assert collect_lock_holders(Root(str(tmp_path))) == ()
    assert os.listdir(str(tmp_path)) == []


def test_dnf_conf_excludes_both_spellings():
    assert parse_dnf_conf(_text("dnf.conf.excludes.txt")) == ("kernel*", "php*", "mariadb-server", "nginx")
    assert parse_dnf_conf("[main]\ngpgcheck=1\n") == ()
    assert parse_dnf_conf("not ini at all [") == ()


def test_versionlock_list_and_conf():
    entries = parse_versionlock_list(_text("versionlock.list.txt"))
    assert entries[0] == "nginx-1:1.20.1-14.el9_2.1.*" and entries[-1].startswith("!kernel")
    assert len(entries) == 4
    assert parse_versionlock_conf(_text("versionlock.conf.txt")) == (True, "/etc/dnf/plugins/versionlock.list")


def test_dnf_config_from_a_root(tmp_path):
    _put(tmp_path, "/etc/dnf/dnf.conf", _text("dnf.conf.excludes.txt"))
    _put(tmp_path, "/etc/dnf/plugins/versionlock.conf", _text("versionlock.conf.txt"))
    _put(tmp_path, "/etc/dnf/plugins/versionlock.list", _text("versionlock.list.txt"))
    _put(tmp_path, "/etc/dnf/modules.d/nodejs.module", _text("nodejs.module.txt"))
    _put(tmp_path, "/etc/dnf/modules.d/postgresql.module", _text("postgresql.module.txt"))
    root = Root(str(tmp_path))
    config = collect_dnf_config(root)
    assert config.versionlock_enabled and len(config.versionlock) == 4 and "nginx" in config.excludes
    assert [(m.name, m.stream, m.state) for m in collect_module_streams(root)] == [
        ("nodejs", "18", "enabled"), ("postgresql", "", "disabled")]
    assert parse_module_file("[broken") == ()


def test_package_origins_without_history_are_unknown(tmp_path):
    assert collect_package_origins(Root(str(tmp_path))) is None
    _put(tmp_path, "/var/lib/dnf/history.sqlite", "not a database")
    assert collect_package_origins(Root(str(tmp_path))) is None


def test_dkms_tree(tmp_path):
    (tmp_path / "var/lib/dkms/nvidia/535.104.05/source").mkdir(parents=True)
    (tmp_path / "var/lib/dkms/nvidia/kernel-5.14.0-427.el9.x86_64-x86_64").symlink_to("535.104.05")
    (tmp_path / "var/lib/dkms/zfs/2.1.15/source").mkdir(parents=True)
    (tmp_path / "var/lib/dkms/dkms_dbversion").write_text("3.0.0\n")
    assert collect_dkms_modules(Root(str(tmp_path))) == ("nvidia/535.104.05", "zfs/2.1.15")


def test_panel_versions(tmp_path):
    assert parse_panel_version(_text("plesk-version.18.0.58.txt")) == "18.0.58"
    assert parse_panel_version(_text("cpanel-version.txt")) == "11.118.0.12"
    assert parse_panel_version("") == ""
    _put(tmp_path, "/usr/local/cpanel/cpanel", "")
    _put(tmp_path, "/usr/local/cpanel/version", _text("cpanel-version.txt"))
    _put(tmp_path, "/usr/local/psa/version", _text("plesk-version.17.8.11.txt"))
    _put(tmp_path, "/usr/local/directadmin/directadmin", "")
    panels = collect_panels(Root(str(tmp_path)))
    assert [(p.name, p.version) for p in panels] == [("cPanel", "11.118.0.12"), ("Plesk", "17.8.11"),
                                                     ("DirectAdmin", "")]


def test_rhsm_registration(tmp_path):
    assert parse_rhsm_server(_text("rhsm.conf.satellite.txt")) == "satellite.example.com"
    assert collect_registration(Root(str(tmp_path))) is None
    _put(tmp_path, "/etc/rhsm/rhsm.conf", _text("rhsm.conf.satellite.txt"))
    _put(tmp_path, "/etc/pki/consumer/cert.pem", "-----BEGIN CERTIFICATE-----\n")
    assert collect_registration(Root(str(tmp_path))) == (True, "satellite.example.com")


def test_rpm_version_order():
    assert vercmp("5.14.0", "5.14.0") == 0
    assert vercmp("427.13.1.el9_4", "427.el9") == 1
    assert vercmp("1.0~rc1", "1.0") == -1 and vercmp("1.0", "1.0~rc1") == 1
    assert vercmp("1.0^git1", "1.0") == 1 and vercmp("1.0^git1", "1.0.1") == -1
    assert vercmp("1.a", "1.1") == -1 and vercmp("010", "9") == 1
    older = package("kernel-core", "5.14.0", "362.24.1.el9_3")
    newer = package("kernel-core", "5.14.0", "427.13.1.el9_4")
    assert max([newer, older], key=evr_key) is newer and evr_key(older) < evr_key(newer)

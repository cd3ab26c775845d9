"""Golden boot paths of live machines, captured before the boot refactor and compared after it.

The sandbox converts images under --root, where every boot step is skipped; the boot path of a
live machine runs only against replayed tools. So each scenario here lays out a live machine in
tmp_path (tests/fixtures/output/<layout>/), replays its tools through the kit's strict
FakeRunner and records what a user and the machine would see:
- preflight: every command the boot facts ran, and the host checks' findings on those facts;
- convert: the boot steps through the real engine, their outcomes and every command they ran;
- verify_boot: after the reboot into AlmaLinux's kernel, the findings of `verify --boot` and
  the commands they ran.

Re-capture, only when a behaviour change is intended:

    GOLDEN_UPDATE=1 .venv/bin/python -m pytest -q tests/sandbox/test_golden_boot.py
"""
import os

from migrate.checks import HOST_CHECKS, VERIFY_BOOT_CHECKS
from migrate.checks.base import CheckInput, run_checks
from migrate.errors import MigrateError
from migrate.facts.boot.collect import SECURE_BOOT_VAR, collect_boot
from migrate.facts.kernel import collect_kernel
from migrate.facts.mounts import parse_mounts
from tests.boot_machines import (ALMA_KERNEL, LSBLK, MKCONFIG, OLD_KERNEL, SET_DEFAULT, LiveRoot, boot_packages,
                                 efi_create, grubby_responses, kernel_release, lay_out_boot, layout_mounts, output,
                                 run_boot)
from tests.factories import ALMA9_KEY, ALMA9_KEYID, FIXTURES, make_facts, situation
from tests.kit import FakeRunner, make_ctx, write
from tests.sandbox.golden import Normaliser, check

ESP_FINDMNT = ("findmnt", "-n", "-o", "SOURCE", "--mountpoint", "/boot/efi")
BOOT_FINDMNT = ("findmnt", "-n", "-o", "SOURCE", "--target", "/boot")


# s390x has no layout of its own in tests/fixtures/output/: its /proc/mounts
S390X_MOUNTS = ("/dev/mapper/rl-root / xfs rw,seclabel,relatime,attr2,inode64,logbufs=8,logbsize=32k,noquota 0 0\n"
                "/dev/dasda1 /boot xfs rw,seclabel,relatime,attr2,inode64,logbufs=8,logbsize=32k,noquota 0 0\n")


def mounts_of(layout, esp_mounted=True):
    """The layout's Facts.mounts, without /boot/efi when the ESP is not mounted."""
    mounts = parse_mounts(S390X_MOUNTS) if layout == "s390x" else layout_mounts(layout)
    return tuple(m for m in mounts if esp_mounted or m.target != "/boot/efi")


# -- the machines: (root, runner, mounts) ------------------------------------------------------

def live_root(tmp_path, arch="x86_64", uefi=False):
    """A converted machine's files, still running the old vendor's kernel."""
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, arch, uefi=uefi)
    write(root, "/proc/sys/kernel/osrelease", kernel_release(OLD_KERNEL, arch) + "\n")
    return root


def findmnt(mounts, target):
    """What findmnt prints for the device mounted at target (it fails when none is)."""
    found = [m.source for m in mounts if m.target == target]
    return found[-1] + "\n" if found else (1, "")


def tool_responses(arch):
    """grubby's answers, and `uname -r` naming the old vendor's kernel it still runs."""
    responses = grubby_responses(arch)
    responses[("uname", "-r")] = kernel_release(OLD_KERNEL, arch) + "\n"
    return responses


def uefi_machine(tmp_path, layout, esp_mounted=True):
    root = live_root(tmp_path, uefi=True)
    responses = tool_responses("x86_64")
    before, after = output(layout, "efibootmgr-before.txt"), output(layout, "efibootmgr-after.txt")
    responses.update({
        LSBLK: output(layout, "lsblk.txt"),
        ("mokutil", "--sb-state"): output(layout, "mokutil-sb-state.txt"),
        ESP_FINDMNT: findmnt(mounts_of(layout, esp_mounted), "/boot/efi"),
        ("efibootmgr", "-v"): lambda r: after if r.ran(["efibootmgr", "-c"]) else before,
    })
    return root, FakeRunner(responses), mounts_of(layout, esp_mounted)


def bios_machine(tmp_path):
    root = live_root(tmp_path)
    responses = tool_responses("x86_64")
    responses.update({LSBLK: output("bios", "lsblk.txt"), BOOT_FINDMNT: findmnt(mounts_of("bios"), "/boot")})
    return root, FakeRunner(responses), mounts_of("bios")


def container_machine(tmp_path):
    """docker, told by systemd-detect-virt only (no /.dockerenv): the one verdict must hold."""
    root = LiveRoot(str(tmp_path))
    write(root, "/proc/sys/kernel/osrelease", kernel_release(OLD_KERNEL, "x86_64") + "\n")  # the host's
    runner = FakeRunner({("systemd-detect-virt", "--container"): output("container", "detect-virt-docker.txt")})
    return root, runner, ()


def s390x_machine(tmp_path):
    root = live_root(tmp_path, "s390x")
    responses = tool_responses("s390x")
    responses[("zipl",)] = "Using config file '/etc/zipl.conf'\nBuilding bootmap in '/boot'\nDone.\n"
    return root, FakeRunner(responses), mounts_of("s390x")


def rebooted(root, runner, arch):
    """The same machine after its reboot into AlmaLinux's kernel."""
    write(root, "/proc/sys/kernel/osrelease", kernel_release(ALMA_KERNEL, arch) + "\n")
    runner.responses[("uname", "-r")] = kernel_release(ALMA_KERNEL, arch) + "\n"
    return runner


# -- what is recorded --------------------------------------------------------------------------

def _calls_since(runner, start):
    return [" ".join(c) for c in runner.calls[start:]]


def live_facts(root, runner, mounts, arch, packages):
    """The facts a command reads first, with the boot path of the live machine."""
    return make_facts(arch=arch, boot=collect_boot(root, runner, arch, mounts), mounts=mounts, packages=packages,
                      running_kernel=collect_kernel(root)[0])


def unconverted(arch):
    """The packages before the conversion: the base ones and the old vendor's kernel."""
    return make_facts().packages + boot_packages(arch)[1:2]


def preflight(root, runner, mounts, arch="x86_64"):
    """The boot facts as preflight reads them, and the host checks' findings on them."""
    start = len(runner.calls)
    facts, source, target, options = situation(live_facts(root, runner, mounts, arch, unconverted(arch)))
    findings = run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set())
    return {"commands": _calls_since(runner, start), "findings": findings}


def convert(root, runner, mounts, allow=(), arch="x86_64"):
    """convert's facts, then the boot steps, in conversion order, through the real engine."""
    start = len(runner.calls)
    ctx = make_ctx(root, runner, live_facts(root, runner, mounts, arch, unconverted(arch)), allow=tuple(allow))
    ctx.run.known_keys = (ALMA9_KEY,)
    error = None
    try:
        run_boot(ctx, boot_packages(arch))
    except MigrateError as exc:
        error = exc.message
    steps = [{"id": k, "state": state, "detail": detail} for k, (state, detail) in sorted(ctx.outcomes.items())]
    return {"commands": _calls_since(runner, start), "steps": steps, "error": error}


def verify(root, runner, mounts, arch="x86_64"):
    """`verify --boot` on the rebooted machine: its facts, then the boot findings."""
    start = len(runner.calls)
    facts, source, target, options = situation(live_facts(root, runner, mounts, arch, boot_packages(arch)))
    given = CheckInput(source, target, options, origin_keyids=frozenset([ALMA9_KEYID]))
    findings = run_checks(VERIFY_BOOT_CHECKS, facts, given, set())
    return {"commands": _calls_since(runner, start), "findings": findings}


def _check(name, tmp_path, document):
    check(name, Normaliser({tmp_path: "<ROOT>"}, {}).value(document))


def _whole_run(machine, changes, arch="x86_64"):
    root, runner, mounts = machine
    runner.expect(*changes)
    runs = {"preflight": preflight(root, runner, mounts, arch)}
    runs["convert"] = convert(root, runner, mounts, arch=arch)
    runs["verify_boot"] = verify(root, rebooted(root, runner, arch), mounts, arch)
    return runs


# -- scenarios ---------------------------------------------------------------------------------

def test_uefi_x86_64_secure_boot_on(tmp_path):
    machine = uefi_machine(tmp_path, "uefi-sda")
    changes = [SET_DEFAULT, MKCONFIG, efi_create("/dev/sda", 1), ["efibootmgr", "-o", "0005,0001,0000,0002,0003"],
               ["efibootmgr", "-b", "0004", "-B"]]
    _check("boot_uefi_sda", tmp_path, _whole_run(machine, changes))


def test_uefi_esp_on_md_raid1(tmp_path):
    machine = uefi_machine(tmp_path, "uefi-md2")
    changes = [SET_DEFAULT, MKCONFIG, efi_create("/dev/sda", 1), efi_create("/dev/sdb", 1),
               ["efibootmgr", "-o", "0003,0004,0000"], ["efibootmgr", "-b", "0001", "-B"],
               ["efibootmgr", "-b", "0002", "-B"]]
    _check("boot_uefi_md2", tmp_path, _whole_run(machine, changes))


def test_uefi_esp_not_mounted(tmp_path):
    root, runner, mounts = uefi_machine(tmp_path, "uefi-sda", esp_mounted=False)
    runner.expect(SET_DEFAULT, MKCONFIG)
    runs = {"preflight": preflight(root, runner, mounts)}
    runs["convert_allowed"] = convert(root, runner, mounts, allow=["BOOT_LAYOUT_UNKNOWN"])
    _check("boot_uefi_esp_not_mounted", tmp_path, runs)


def test_bios_x86_64(tmp_path):
    machine = bios_machine(tmp_path)
    changes = [SET_DEFAULT, MKCONFIG, ["grub2-install", "--target=i386-pc", "/dev/vda"]]
    _check("boot_bios", tmp_path, _whole_run(machine, changes))


def test_container(tmp_path):
    _check("boot_container_docker", tmp_path, _whole_run(container_machine(tmp_path), []))


def test_s390x_zipl(tmp_path):
    changes = [["grubby", "--set-default", "/boot/vmlinuz-" + kernel_release(ALMA_KERNEL, "s390x")], ["zipl"]]
    _check("boot_s390x", tmp_path, _whole_run(s390x_machine(tmp_path), changes, "s390x"))


def cgroup_container_machine(tmp_path):
    """docker told only by PID 1's cgroup: systemd-detect-virt says none (no /run/systemd/container),
    no marker file. Every command is recorded; those not replayed print nothing."""
    root = live_root(tmp_path)
    write(root, "/proc/1/cgroup", output("", "proc-1-cgroup.docker-v1.txt"))
    responses = tool_responses("x86_64")
    responses.update({("systemd-detect-virt", "--container"): (1, output("container", "detect-virt-none.txt")),
                      LSBLK: "", BOOT_FINDMNT: findmnt((), "/boot")})
    return root, FakeRunner(responses, prefixes={(): lambda argv: ""}), ()


def test_container_told_by_cgroup_only(tmp_path):
    _check("boot_container_cgroup", tmp_path, _whole_run(cgroup_container_machine(tmp_path), []))


def test_uefi_secure_boot_told_by_efivarfs(tmp_path):
    """efivarfs mounted: the SecureBoot variable says enabled, as mokutil does."""
    machine = uefi_machine(tmp_path, "uefi-sda")
    with open(os.path.join(FIXTURES, "output", "efivar-SecureBoot.enabled.bin"), "rb") as handle:
        variable = handle.read()
    machine[0].makedirs("/sys/firmware/efi/efivars")
    with open(machine[0].join(SECURE_BOOT_VAR), "wb") as handle:
        handle.write(variable)
    changes = [SET_DEFAULT, MKCONFIG, efi_create("/dev/sda", 1), ["efibootmgr", "-o", "0005,0001,0000,0002,0003"],
               ["efibootmgr", "-b", "0004", "-B"]]
    _check("boot_uefi_sda_efivarfs", tmp_path, _whole_run(machine, changes))

"""Machine layouts for the boot path's tests: saved tool outputs (tests/fixtures/output/<layout>/)
replayed through the kit's strict FakeRunner, the packages a conversion leaves, and the files
of a live machine laid out in tmp_path. Facts.boot is collected from them once, as preflight
does, and the boot steps then run on those facts."""
import os

from migrate.checks import VERIFY_BOOT_CHECKS
from migrate.checks.base import CheckInput, run_checks
from migrate.facts.boot.collect import collect_boot
from migrate.journal import Journal
from migrate.steps.base import Phase
from migrate.steps.engine import run_steps
from migrate.steps.install_bootloader import InstallBootloader
from migrate.steps.regenerate_boot_config import RegenerateBootConfig
from migrate.steps.set_default_kernel import SetDefaultKernel
from migrate.steps.update_efi_entries import UpdateEfiEntries
from migrate.steps.verify_boot_entry import VerifyBootEntry
from migrate.facts.mounts import parse_mounts
from tests.factories import ALMA9_KEY, ALMA9_KEYID, FIXTURES, ROCKY_KEYID, make_facts, mount, package, situation
from tests.kit import FakeRunner, LiveRoot, make_ctx, write

OUTPUT = os.path.join(FIXTURES, "output")
ALMA_KERNEL = "5.14.0-427.13.1.el9_4"
OLD_KERNEL = "5.14.0-362.24.1.el9_3"
LSBLK = ("lsblk", "-P", "-p", "-o", "NAME,PKNAME,TYPE,FSTYPE,PARTTYPE,PARTUUID")
DETECT_VIRT = ("systemd-detect-virt", "--container")
# Commands that only read: allowed whenever the scenario knows them; everything else is a change
READS = (("systemd-detect-virt",), ("grubby", "--default-kernel"), ("grubby", "--info"),
         ("lsblk",), ("mokutil",), ("efibootmgr", "-v"))


def output(scenario, name):
    with open(os.path.join(OUTPUT, scenario, name), encoding="utf-8") as handle:
        return handle.read()


def changes(runner):
    """The commands that changed the machine, in order."""
    return [c for c in runner.calls if not any(tuple(c[:len(r)]) == r for r in READS)]


def kernel_release(version, arch):
    return "%s.%s" % (version, arch)


def boot_packages(arch="x86_64", foreign_shim=False):
    """An AlmaLinux kernel, the old vendor's older one kept as fallback, and the loaders."""
    loaders = {"x86_64": ["shim-x64", "grub2-efi-x64", "grub2-pc"], "aarch64": ["shim-aa64", "grub2-efi-aa64"],
               "ppc64le": ["grub2-ppc64le"], "s390x": ["s390utils-base"]}[arch]
    version, release = ALMA_KERNEL.split("-")
    old_version, old_release = OLD_KERNEL.split("-")
    packages = [package("kernel-core", version, release, arch, "AlmaLinux", ALMA9_KEYID),
                package("kernel-core", old_version, old_release, arch)]
    for name in loaders:
        keyid = ROCKY_KEYID if foreign_shim and name.startswith("shim") else ALMA9_KEYID
        packages.append(package(name, "1.0", "1.el9", arch, "AlmaLinux", keyid))
    return tuple(packages)


def grubby_responses(arch):
    """grubby answers the old kernel until --set-default names the AlmaLinux one; no container."""
    new = "/boot/vmlinuz-%s" % kernel_release(ALMA_KERNEL, arch)
    old = "/boot/vmlinuz-%s" % kernel_release(OLD_KERNEL, arch)
    info = output("", "grubby-info-default.txt").replace("x86_64", arch)
    return {
        ("grubby", "--default-kernel"): lambda r: (new if r.ran(["grubby", "--set-default", new]) else old) + "\n",
        ("grubby", "--set-default", new): "",
        ("grubby", "--info", "DEFAULT"): info,
        DETECT_VIRT: (1, output("container", "detect-virt-none.txt")),
    }


def lay_out_boot(root, arch, uefi):
    """The files the converted packages leave: kernel, initramfs and, on UEFI, the ESP."""
    release = kernel_release(ALMA_KERNEL, arch)
    write(root, "/boot/vmlinuz-" + release)
    write(root, "/boot/initramfs-%s.img" % release)
    if uefi:
        root.makedirs("/sys/firmware/efi")
        suffix = "x64" if arch == "x86_64" else "aa64"
        for name in ("shim%s.efi" % suffix, "grub%s.efi" % suffix, "grub.cfg"):
            write(root, "/boot/efi/EFI/almalinux/" + name, "search --fs-uuid\nconfigfile $prefix/grub.cfg\n")


def uefi_runner(scenario):
    """A UEFI x86_64 layout's reads; `efibootmgr -v` answers the after-state once an entry was made."""
    responses = grubby_responses("x86_64")
    before, after = output(scenario, "efibootmgr-before.txt"), output(scenario, "efibootmgr-after.txt")
    responses.update({
        LSBLK: output(scenario, "lsblk.txt"),
        ("mokutil", "--sb-state"): output(scenario, "mokutil-sb-state.txt"),
        ("efibootmgr", "-v"): lambda r: after if r.ran(["efibootmgr", "-c"]) else before,
    })
    return FakeRunner(responses)


def bios_runner():
    responses = grubby_responses("x86_64")
    responses[LSBLK] = output("bios", "lsblk.txt")
    return FakeRunner(responses)


def live_facts(root, runner, arch="x86_64", mounts=(), **changes_):
    """Facts of a live machine whose Facts.boot is read from root and runner, as preflight does."""
    return make_facts(arch=arch, mounts=mounts, boot=collect_boot(root, runner, arch, mounts), **changes_)


def layout_mounts(scenario):
    """The layout's /proc/mounts, as Facts.mounts holds it."""
    return parse_mounts(output(scenario, "proc-mounts.txt"))


def esp_moved_to(mounts, device):
    """The mounts with /boot/efi from another device ("" for none mounted at all)."""
    kept = tuple(m for m in mounts if m.target != "/boot/efi")
    return kept + ((mount("/boot/efi", "vfat", source=device),) if device else ())


def uefi_machine(tmp_path, scenario):
    """(root, runner, mounts) of a converted UEFI x86_64 machine of that layout."""
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=True)
    return root, uefi_runner(scenario), layout_mounts(scenario)


def boot_ctx(root, runner, facts, allow=()):
    """A step context on that machine, trusting AlmaLinux 9's key."""
    ctx = make_ctx(root, runner, facts, allow=tuple(allow))
    ctx.run.known_keys = (ALMA9_KEY,)
    return ctx


def run_boot(ctx, packages):
    """The boot steps through the real engine, in conversion order; {step id: (state, detail)}."""
    def read(root):
        return packages

    steps = [SetDefaultKernel(read), RegenerateBootConfig(read), InstallBootloader(read),
             UpdateEfiEntries(read), VerifyBootEntry(read)]
    journal = Journal.start(ctx.root, "run", {}, {}, {}, [s.id for s in steps])
    try:
        run_steps(ctx, [Phase("boot", tuple(steps))], journal)
    finally:
        ctx.outcomes = dict((s["id"], (s["state"], s["detail"])) for s in journal.data["steps"])
    return ctx.outcomes


def efi_create(disk, partnum):
    return ["efibootmgr", "-c", "-d", disk, "-p", str(partnum), "-L", "AlmaLinux",
            "-l", "\\EFI\\almalinux\\shimx64.efi"]


SET_DEFAULT = ["grubby", "--set-default", "/boot/vmlinuz-" + kernel_release(ALMA_KERNEL, "x86_64")]
MKCONFIG = ["grub2-mkconfig", "-o", "/boot/grub2/grub.cfg"]
SDA_CHANGES = [SET_DEFAULT, MKCONFIG, efi_create("/dev/sda", 1),
               ["efibootmgr", "-o", "0005,0001,0000,0002,0003"], ["efibootmgr", "-b", "0004", "-B"]]


def uefi_ctx(tmp_path, scenario, allow=(), esp=None, **facts):
    """A converted UEFI machine of that layout, its Facts.boot collected first; `esp`: the
    device mounted at /boot/efi instead of the layout's own."""
    root, runner, mounts = uefi_machine(tmp_path, scenario)
    if esp is not None:
        mounts = esp_moved_to(mounts, esp)
    return boot_ctx(root, runner, live_facts(root, runner, mounts=mounts, **facts), allow)


def rebooted_facts(tmp_path, packages, running=OLD_KERNEL, without=()):
    """Facts of a converted BIOS machine after its reboot, running that kernel release."""
    root = LiveRoot(str(tmp_path))
    lay_out_boot(root, "x86_64", uefi=False)
    for path in without:
        root.remove(path)
    return live_facts(root, bios_runner(), mounts=layout_mounts("bios"), packages=packages,
                      running_kernel=kernel_release(running, "x86_64"))


def verify_boot(facts):
    """The findings of `verify --boot`'s checks on those facts, trusting AlmaLinux 9's key."""
    facts, source, target, options = situation(facts)
    given = CheckInput(source, target, options, origin_keyids=frozenset([ALMA9_KEYID]))
    return run_checks(VERIFY_BOOT_CHECKS, facts, given, set())

"""A FakeRunner that replays saved tool outputs and refuses any command it was not told about,
and a live machine laid out in tmp_path, for the boot steps' tests."""
import os

from tests import kit
from tests.kit import LiveRoot, write  # noqa: F401  (re-exported to the boot tests)
from tests.factories import ALMA9_KEYID, FIXTURES, ROCKY_KEYID, package

OUTPUT = os.path.join(FIXTURES, "output")
ALMA_KERNEL = "5.14.0-427.13.1.el9_4"
OLD_KERNEL = "5.14.0-362.24.1.el9_3"
LSBLK = ("lsblk", "-P", "-p", "-o", "NAME,PKNAME,TYPE,FSTYPE,PARTTYPE,PARTUUID")
# Commands that only read: allowed whenever the scenario knows them; everything else is a change
READS = (("systemd-detect-virt",), ("uname",), ("grubby", "--default-kernel"), ("grubby", "--info"),
         ("lsblk",), ("findmnt",), ("mokutil",), ("efibootmgr", "-v"))


def output(scenario, name):
    with open(os.path.join(OUTPUT, scenario, name), encoding="utf-8") as handle:
        return handle.read()


class FakeRunner(kit.FakeRunner):
    """The kit's strict runner, plus the commands that changed the machine."""

    @property
    def changes(self):
        return [c for c in self.calls if not any(tuple(c[:len(r)]) == r for r in READS)]


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
    """grubby answers the old kernel until --set-default names the AlmaLinux one."""
    new = "/boot/vmlinuz-%s" % kernel_release(ALMA_KERNEL, arch)
    old = "/boot/vmlinuz-%s" % kernel_release(OLD_KERNEL, arch)
    info = output("", "grubby-info-default.txt").replace("x86_64", arch)
    return {
        ("grubby", "--default-kernel"): lambda r: (new if r.ran(["grubby", "--set-default", new]) else old) + "\n",
        ("grubby", "--set-default", new): "",
        ("grubby", "--info", "DEFAULT"): info,
        ("uname", "-r"): kernel_release(OLD_KERNEL, arch) + "\n",
        ("systemd-detect-virt", "--container"): (1, output("container", "detect-virt-none.txt")),
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

"""Read the live machine's boot path through the Runner: firmware, Secure Boot, UEFI entries,
the ESP and its members, the default and the running kernel, whether we are in a container.

Under --root nothing here runs (None): firmware and block devices belong to the machine, not
to the image. In a container only the detection runs."""
from migrate.boot import parse
from migrate.boot.model import BIOS, OPAL, PREP, UEFI, ZIPL, BootFacts
from migrate.boot.plan import disks_under, esp_members, prep_partitions

ESP_MOUNT = "/boot/efi"
LSBLK = ["lsblk", "-P", "-p", "-o", "NAME,PKNAME,TYPE,FSTYPE,PARTTYPE,PARTUUID"]
CONTAINER_FILES = (("/run/.containerenv", "podman"), ("/.dockerenv", "docker"))


def _out(runner, argv):
    result = runner.run(argv, check=False)
    return result.stdout if result.returncode == 0 else ""


def detect_container(root, runner):
    """systemd-detect-virt first; files for images without systemd (docker, podman, OpenVZ)."""
    kind = parse.parse_detect_virt(_out(runner, ["systemd-detect-virt", "--container"]))
    if kind:
        return kind
    for path, name in CONTAINER_FILES:
        if root.exists(path):
            return name
    if root.exists("/proc/vz/veinfo") and not root.exists("/proc/vz/version"):
        return "openvz"  # the OpenVZ host has both; a container only veinfo
    return ""


def bootloader_kind(root, arch, prep):
    if arch == "s390x":
        return ZIPL
    if arch == "ppc64le":
        return PREP if prep else OPAL  # PowerNV boots through petitboot, which reads grub.cfg
    if arch in ("x86_64", "aarch64"):
        return UEFI if root.isdir("/sys/firmware/efi") or arch == "aarch64" else BIOS
    return ""


def read_efi(runner):
    return parse.parse_efibootmgr(_out(runner, ["efibootmgr", "-v"]))


def read_default_kernel(runner):
    return _out(runner, ["grubby", "--default-kernel"]).strip()


def collect_boot(root, runner, arch):
    """BootFacts of the live machine; None under --root."""
    if not root.is_live:
        return None
    container = detect_container(root, runner)
    if container:
        return BootFacts("", container, None, "", "", "", (), None, (), ())
    running = _out(runner, ["uname", "-r"]).strip()
    default = read_default_kernel(runner) if arch else ""
    devices = () if arch == "s390x" else parse.parse_lsblk_pairs(_out(runner, LSBLK))
    prep = prep_partitions(devices) if arch == "ppc64le" else ()
    kind = bootloader_kind(root, arch, prep)
    secure_boot, efi, esp_source, members, disks = None, None, "", (), ()
    if kind == UEFI:
        secure_boot = parse.parse_sb_state(_out(runner, ["mokutil", "--sb-state"]))
        efi = read_efi(runner)
        esp_source = parse.parse_findmnt_source(
            _out(runner, ["findmnt", "-n", "-o", "SOURCE", "--mountpoint", ESP_MOUNT]))
        members = esp_members(devices, esp_source)
    elif kind == BIOS:
        boot_source = parse.parse_findmnt_source(_out(runner, ["findmnt", "-n", "-o", "SOURCE", "--target", "/boot"]))
        disks = disks_under(devices, boot_source)
    return BootFacts(kind, "", secure_boot, running, default, esp_source, members, efi, prep, disks)

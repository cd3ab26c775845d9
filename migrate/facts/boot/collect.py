"""Read the live machine's boot path through the Root and the Runner, once: the container
verdict, the boot path's kind, Secure Boot, the ESP and its members, the disks under /boot, the
UEFI entries and the default entry.

Under --root nothing here runs (None): firmware and block devices belong to the machine, not
to the image. In a container only the container verdict is read: it boots no kernel of its own."""
from migrate.facts.boot import parse
from migrate.facts.boot.container import detect_container
from migrate.facts.boot.layout import device_holding, disks_under, esp_members, mounted_device, prep_partitions
from migrate.facts.boot.model import BIOS, OPAL, PREP, UEFI, ZIPL, BootEntry, BootFacts

ESP_MOUNT = "/boot/efi"
LSBLK = ["lsblk", "-P", "-p", "-o", "NAME,PKNAME,TYPE,FSTYPE,PARTTYPE,PARTUUID"]
SECURE_BOOT_VAR = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"


def _out(runner, argv):
    result = runner.run(argv, check=False)
    return result.stdout if result.returncode == 0 else ""


def bootloader_kind(root, arch, prep):
    if arch == "s390x":
        return ZIPL
    if arch == "ppc64le":
        return PREP if prep else OPAL  # PowerNV boots through petitboot, which reads grub.cfg
    if arch in ("x86_64", "aarch64"):
        return UEFI if root.isdir("/sys/firmware/efi") or arch == "aarch64" else BIOS
    return ""


def read_secure_boot(root, runner):
    """The firmware's SecureBoot variable; through mokutil when efivarfs is not mounted."""
    try:
        state = parse.parse_secure_boot_var(root.read_bytes(SECURE_BOOT_VAR))
    except (IOError, OSError):
        state = None
    if state is None:
        result = runner.run(["mokutil", "--sb-state"], check=False)
        state = parse.parse_sb_state(result.stdout + result.stderr)
    return state


def read_efi(runner):
    return parse.parse_efibootmgr(_out(runner, ["efibootmgr", "-v"]))


def read_default_entry(root, runner):
    """The default entry as grubby tells it, with the files of it that are missing.

    BLS paths are relative to the /boot partition; grubby usually adds the /boot prefix."""
    info = parse.parse_grubby_info(runner.run(["grubby", "--info", "DEFAULT"], check=False).stdout)
    files = parse.entry_files(info)
    missing = tuple(path for path in files if not root.exists(path)
                    and (path.startswith("/boot/") or not root.exists("/boot" + path)))
    return BootEntry(info.get("kernel", ""), files, missing)


def collect_boot(root, runner, arch, mounts):
    """BootFacts of the live machine; None under --root. `mounts`: Facts.mounts (/proc/mounts)."""
    if not root.is_live:
        return None
    container = detect_container(root, runner, mounts)
    if container:
        return BootFacts("", container, None, "", (), None, (), ())
    default = read_default_entry(root, runner) if arch else None
    devices = () if arch == "s390x" else parse.parse_lsblk_pairs(_out(runner, LSBLK))
    prep = prep_partitions(devices) if arch == "ppc64le" else ()
    kind = bootloader_kind(root, arch, prep)
    secure_boot, efi, esp_source, members, disks = None, None, "", (), ()
    if kind == UEFI:
        secure_boot = read_secure_boot(root, runner)
        efi = read_efi(runner)
        esp_source = mounted_device(mounts, ESP_MOUNT)
        members = esp_members(devices, esp_source)
    elif kind == BIOS:
        disks = disks_under(devices, device_holding(mounts, "/boot"))
    return BootFacts(kind, "", secure_boot, esp_source, members, efi, prep, disks, default)

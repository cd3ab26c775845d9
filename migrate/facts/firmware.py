"""Firmware (UEFI or BIOS, Secure Boot), the bootloaders installed in the root and the
vendor directories on the EFI system partition.

Firmware is the live machine's: None under --root. Bootloader files and the ESP's EFI/
directory are read from the root either way."""
from migrate.facts.model import Firmware

SECURE_BOOT_VAR = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"
ESP_EFI_DIR = "/boot/efi/EFI"

# bootloader -> files whose presence says it is installed in the root
BOOTLOADER_FILES = (
    ("grub2", ("/boot/grub2/grub.cfg", "/boot/grub2/grubenv", "/etc/grub2.cfg", "/etc/grub2-efi.cfg")),
    ("zipl", ("/etc/zipl.conf",)),
    ("systemd-boot", ("/boot/loader/loader.conf", "/boot/efi/loader/loader.conf",
                      "/boot/efi/EFI/systemd", "/efi/EFI/systemd")),
    ("extlinux", ("/boot/extlinux/extlinux.conf", "/boot/syslinux/syslinux.cfg")),
)


def parse_secure_boot_var(data):
    """efivarfs content: 4 bytes of attributes, then the value byte (1: enforcing)."""
    if data is None or len(data) < 5:
        return None
    return bytearray(data)[4] == 1


def parse_mokutil(text):
    """`mokutil --sb-state` -> True / False / None (no EFI variables, or unknown text)."""
    for line in (text or "").splitlines():
        line = line.strip().lower()
        if line == "secureboot enabled":
            return True
        if line == "secureboot disabled":
            return False
    return None


def detect_bootloaders(root):
    found = [name for name, paths in BOOTLOADER_FILES if any(root.exists(p) for p in paths)]
    # grub2 on an EFI host keeps its config next to shim: EFI/<vendor>/grub.cfg
    if "grub2" not in found and any(root.exists("%s/%s/grub.cfg" % (ESP_EFI_DIR, d))
                                    for d in root.listdir(ESP_EFI_DIR)):
        found.insert(0, "grub2")
    return tuple(found)


def collect_esp_entries(root):
    return tuple(d for d in root.listdir(ESP_EFI_DIR) if root.isdir("%s/%s" % (ESP_EFI_DIR, d)))


def collect_firmware(root, runner):
    if not root.is_live:
        return None
    if not root.isdir("/sys/firmware/efi"):
        return Firmware(efi=False, secure_boot=None)
    try:
        state = parse_secure_boot_var(root.read_bytes(SECURE_BOOT_VAR))
    except (IOError, OSError):
        state = None
    if state is None:  # efivarfs not mounted: mokutil reads the same variable another way
        result = runner.run(["mokutil", "--sb-state"], check=False)
        state = parse_mokutil(result.stdout + result.stderr)
    return Firmware(efi=True, secure_boot=state)

"""The bootloaders installed in the root and the vendor directories on the EFI system
partition: files, read from the root under --root too (Facts.bootloaders, Facts.esp_entries)."""
ESP_EFI_DIR = "/boot/efi/EFI"

# bootloader -> files whose presence says it is installed in the root
BOOTLOADER_FILES = (
    ("grub2", ("/boot/grub2/grub.cfg", "/boot/grub2/grubenv", "/etc/grub2.cfg", "/etc/grub2-efi.cfg")),
    ("zipl", ("/etc/zipl.conf",)),
    ("systemd-boot", ("/boot/loader/loader.conf", "/boot/efi/loader/loader.conf",
                      "/boot/efi/EFI/systemd", "/efi/EFI/systemd")),
    ("extlinux", ("/boot/extlinux/extlinux.conf", "/boot/syslinux/syslinux.cfg")),
)


def detect_bootloaders(root):
    found = [name for name, paths in BOOTLOADER_FILES if any(root.exists(p) for p in paths)]
    # grub2 on an EFI host keeps its config next to shim: EFI/<vendor>/grub.cfg
    if "grub2" not in found and any(root.exists("%s/%s/grub.cfg" % (ESP_EFI_DIR, d))
                                    for d in root.listdir(ESP_EFI_DIR)):
        found.insert(0, "grub2")
    return tuple(found)


def collect_esp_entries(root):
    return tuple(d for d in root.listdir(ESP_EFI_DIR) if root.isdir("%s/%s" % (ESP_EFI_DIR, d)))

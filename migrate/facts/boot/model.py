"""Plain records of the boot path; no I/O here."""
from typing import NamedTuple, Optional, Tuple

UEFI, BIOS, PREP, OPAL, ZIPL = "uefi", "bios", "prep", "opal", "zipl"


class BlockDevice(NamedTuple):
    """One row of `lsblk -P -p`: an md device has one row per member (its PKNAME differs)."""

    name: str  # /dev/nvme0n1p1
    pkname: str  # parent: /dev/nvme0n1 ("" for a disk)
    dev_type: str  # disk, part, raid1, lvm, ...
    fstype: str
    parttype: str  # GPT type GUID or MBR type (0x41: PReP)
    partuuid: str


class EspMember(NamedTuple):
    """A partition holding the ESP (one, or one per md-RAID member): what efibootmgr needs."""

    device: str  # /dev/sda1
    disk: str  # /dev/sda
    partnum: int
    partuuid: str


class EfiEntry(NamedTuple):
    number: str  # "0003"
    label: str
    active: bool
    path: str  # \EFI\rocky\shimx64.efi ("" when not a file path)
    partuuid: str  # from HD(n,GPT,<uuid>,...); "" when absent (an MBR disk)
    partnum: int = 0  # the n of HD(n,...); 0 when absent


class EfiState(NamedTuple):
    boot_current: str
    boot_order: Tuple[str, ...]
    entries: Tuple[EfiEntry, ...]


class BootEntry(NamedTuple):
    """The default boot entry (`grubby --info DEFAULT`) and which of its files are missing."""

    kernel: str  # /boot/vmlinuz-<release>; "" when there is no default entry
    files: Tuple[str, ...]  # the kernel and every initrd ($variables skipped)
    missing: Tuple[str, ...]

    @property
    def release(self):
        """What `uname -r` would say once this entry boots."""
        return self.kernel.rsplit("vmlinuz-", 1)[-1]


class BootFacts(NamedTuple):
    """What the live machine's boot path looks like when the facts are collected."""

    bootloader: str  # the boot path: uefi | bios | prep | opal | zipl | "" (unknown, or a container)
    container: str  # "" or what runs us: docker, podman, lxc, openvz, ...
    secure_boot: Optional[bool]  # None: not UEFI, or the state could not be read
    esp_source: str  # device mounted at /boot/efi, "" when none
    esp_members: Tuple[EspMember, ...]
    efi: Optional[EfiState]  # the firmware's boot entries (UEFI only)
    prep_partitions: Tuple[str, ...]  # ppc64le PReP partitions
    boot_disks: Tuple[str, ...]  # disks under /boot (BIOS grub2-install targets)
    default_entry: Optional[BootEntry] = None  # None in a container or on an unknown architecture

    @property
    def uefi(self):
        return self.bootloader == UEFI

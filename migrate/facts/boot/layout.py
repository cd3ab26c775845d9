"""Mounts and lsblk rows -> where the boot loader goes: the partitions holding the ESP (one per
md-RAID member) and the disks under /boot. Pure functions; collect.py feeds them the one reading
of /proc/mounts that Facts.mounts holds too."""
from migrate.facts.boot.model import EspMember

PREP_TYPES = ("0x41", "9e1a2d38-c612-4316-aa26-8b49521e5a8b")  # MBR and GPT PReP boot


def mounted_device(mounts, target):
    """The device mounted at target ("" when none). An automounted /boot/efi lists `systemd-1`
    (the autofs) before the device; the last mount on a path is the visible one."""
    devices = [m.source for m in mounts or () if m.target == target and m.source.startswith("/dev/")]
    return devices[-1] if devices else ""


def device_holding(mounts, path):
    """The device of the file system that holds path: its nearest mounted ancestor's."""
    targets = set(m.target for m in mounts or ())
    while True:
        if path in targets:
            return mounted_device(mounts, path)
        if path == "/":
            return ""
        path = path.rsplit("/", 1)[0] or "/"


def partition_number(device, disk):
    """/dev/nvme0n1p12 on /dev/nvme0n1 -> 12; /dev/sda15 on /dev/sda -> 15; None if unsure.

    The kernel names a partition after its disk, with a `p` when the disk's name ends in a
    digit; reading only the last digit (almalinux-deploy) breaks on partitions 10 and up."""
    if not disk or not device.startswith(disk):
        return None
    rest = device[len(disk):]
    if disk[-1:].isdigit():
        if not rest.startswith("p"):
            return None
        rest = rest[1:]
    return int(rest) if rest.isdigit() else None


def _rows(devices, name):
    return [d for d in devices if d.name == name]


def esp_members(devices, esp_source):
    """EspMember for the ESP partition, or one per member when the ESP is an md-RAID1 of any
    width (lsblk lists the md device once per member, each with that member as PKNAME)."""
    rows = _rows(devices, esp_source)
    if not rows:
        return ()
    if rows[0].dev_type == "part":
        partitions = [rows[0]]
    else:
        partitions = [p for r in rows for p in _rows(devices, r.pkname)[:1] if p.dev_type == "part"]
    members = []
    for part in partitions:
        number = partition_number(part.name, part.pkname)
        if number is not None:
            members.append(EspMember(part.name, part.pkname, number, part.partuuid))
    return tuple(sorted(set(members)))


def disks_under(devices, source):
    """The whole disks a device sits on, through partitions, md, LVM and LUKS layers."""
    disks, seen, todo = set(), set(), [source]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for row in _rows(devices, name):
            if row.dev_type == "disk":
                disks.add(row.name)
            elif row.pkname:
                todo.append(row.pkname)
    return tuple(sorted(disks))


def prep_partitions(devices):
    return tuple(sorted(set(d.name for d in devices if d.dev_type == "part" and d.parttype in PREP_TYPES)))

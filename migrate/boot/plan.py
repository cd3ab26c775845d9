"""Pure decisions of the boot path: which kernel becomes the default, which partitions hold
the ESP, which efibootmgr calls put AlmaLinux first. No I/O: the steps run what these say."""
from migrate.facts.evr import evr_key

PREP_TYPES = ("0x41", "9e1a2d38-c612-4316-aa26-8b49521e5a8b")  # MBR and GPT PReP boot
ESP_TYPE = "c12a7328-f81f-11d2-ba4b-00a0c93ec93b"


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
    from migrate.boot.model import EspMember

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


# -- kernels -----------------------------------------------------------------------------------

def _newer(a, b):
    return evr_key(a) > evr_key(b)


def kernel_release(package):
    """What `uname -r` says for that kernel: version-release.arch."""
    return "%s-%s.%s" % (package.version, package.release, package.arch)


def choose_kernel(packages, kernel_names, trusted_keyids):
    """The newest installed kernel signed by a trusted key (AlmaLinux's), or None."""
    best = None
    for package in packages:
        if package.name in kernel_names and package.keyid in trusted_keyids:
            if best is None or _newer(package, best):
                best = package
    return best


def foreign_boot_packages(packages, boot_names, trusted_keyids):
    """Installed boot packages (shim, grub2, fwupd, kernels) not signed by a trusted key."""
    return tuple(sorted(p.nevra for p in packages if p.name in boot_names and p.keyid not in trusted_keyids))


# -- UEFI entries -------------------------------------------------------------------------------

def _is_ours(entry, loader):
    return entry.path.lower() == loader.lower()


def _under(entry, efi_dirs):
    return any(entry.path.lower().startswith(("\\efi\\%s\\" % d).lower()) for d in efi_dirs)


def _on_member(entry, member):
    """GPT: the entry's partition UUID; MBR entries carry none, so the partition number."""
    if entry.partuuid and member.partuuid:
        return entry.partuuid == member.partuuid
    return entry.partnum == member.partnum


def _member_entries(state, member, loader):
    return [e for e in state.entries if _is_ours(e, loader) and _on_member(e, member)]


def efi_create_argvs(state, members, label, loader):
    """efibootmgr calls creating the AlmaLinux entry on each ESP member that lacks one."""
    return [["efibootmgr", "-c", "-d", m.disk, "-p", str(m.partnum), "-L", label, "-l", loader]
            for m in members if not _member_entries(state, m, loader)]


def efi_finish_argvs(state, members, loader, old_dirs):
    """Once every member has its entry: AlmaLinux's entries first in BootOrder (member order),
    then the rest as it was; duplicates and the old vendor's entries removed. Nothing is
    removed while any member still lacks its entry."""
    ours, duplicates = [], []
    for member in members:
        found = _member_entries(state, member, loader)
        if not found:
            return []
        if found[0].number not in ours:
            ours.append(found[0].number)
        duplicates += [e.number for e in found[1:] if e.number not in ours]
    old = [e.number for e in state.entries if _under(e, old_dirs) and not _is_ours(e, loader)]
    doomed = set(duplicates) | set(old)
    order = ours + [n for n in state.boot_order if n not in ours and n not in doomed]
    argvs = []
    if tuple(order) != tuple(state.boot_order):
        argvs.append(["efibootmgr", "-o", ",".join(order)])
    for number in sorted(doomed):
        argvs.append(["efibootmgr", "-b", number, "-B"])
    return argvs

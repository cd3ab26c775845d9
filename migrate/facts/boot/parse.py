"""Boot tools' output -> records: pure functions over captured text, tested on real outputs
saved under tests/fixtures/output/."""
import re
import shlex

from migrate.facts.boot.model import BlockDevice, EfiEntry, EfiState

BOOT_LINE = re.compile(r"^Boot([0-9A-Fa-f]{4})(\*?)\s+(.*)$")
# efibootmgr 16 prints File(\EFI\x\y.efi), 17+ prints /\EFI\x\y.efi: the path itself is the same
EFI_PATH = re.compile(r"(\\EFI\\[^\s)]+)", re.IGNORECASE)
HD_PARTUUID = re.compile(r"HD\(\d+,GPT,([0-9A-Fa-f-]{36})")
HD_PARTNUM = re.compile(r"HD\((\d+),")
DEVICE_PATH_START = re.compile(r"\s(HD|PciRoot|Pci|FvVol|FvFile|VenHw|VenMedia|BBS|MemoryMapped|Acpi)\(")


def parse_efibootmgr(text):
    """`efibootmgr -v` -> EfiState."""
    current, order, entries = "", (), []
    for line in text.splitlines():
        if line.startswith("BootCurrent:"):
            current = line.split(":", 1)[1].strip()
        elif line.startswith("BootOrder:"):
            order = tuple(n.strip().upper() for n in line.split(":", 1)[1].split(",") if n.strip())
        else:
            match = BOOT_LINE.match(line)
            if match:
                entries.append(_entry(match.group(1).upper(), match.group(2) == "*", match.group(3)))
    return EfiState(current.upper(), order, tuple(entries))


def _entry(number, active, rest):
    if "\t" in rest:
        label, device_path = rest.split("\t", 1)
    else:
        found = DEVICE_PATH_START.search(rest)
        label, device_path = (rest[:found.start()], rest[found.start():]) if found else (rest, "")
    path = EFI_PATH.search(device_path)
    partuuid = HD_PARTUUID.search(device_path)
    partnum = HD_PARTNUM.search(device_path)
    return EfiEntry(number, label.strip(), active, path.group(1) if path else "",
                    partuuid.group(1).lower() if partuuid else "", int(partnum.group(1)) if partnum else 0)


def parse_secure_boot_var(data):
    """efivarfs content: 4 bytes of attributes, then the value byte (1: enforcing)."""
    if data is None or len(data) < 5:
        return None
    return bytearray(data)[4] == 1


def parse_sb_state(text):
    """`mokutil --sb-state` -> True, False or None (no EFI variables, or unknown text)."""
    for line in (text or "").splitlines():
        words = line.strip().lower().split()
        if words[:1] == ["secureboot"] and len(words) == 2:
            return words[1] == "enabled"
    return None


def parse_lsblk_pairs(text):
    """`lsblk -P -p -o NAME,PKNAME,TYPE,FSTYPE,PARTTYPE,PARTUUID` -> BlockDevice rows."""
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        values = dict(item.split("=", 1) for item in shlex.split(line) if "=" in item)
        rows.append(BlockDevice(values.get("NAME", ""), values.get("PKNAME", ""),
                                values.get("TYPE", ""), values.get("FSTYPE", ""),
                                values.get("PARTTYPE", "").lower(), values.get("PARTUUID", "").lower()))
    return tuple(rows)


def parse_grubby_info(text):
    """`grubby --info ...` -> {key: value} of the first entry (kernel, initrd, title, ...)."""
    info = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if not sep:
            continue
        if key.strip() == "index" and info:
            break
        info[key.strip()] = value.strip().strip('"')
    return info


def entry_files(info):
    """The files a `grubby --info` entry needs: its kernel and every initrd ($variables skipped)."""
    files = [info.get("kernel", "")] + info.get("initrd", "").split()
    return tuple(f for f in files if f and not f.startswith("$"))

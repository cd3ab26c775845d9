"""Mounted file systems (/proc/mounts, live only), the root's /etc/fstab, and free space from
`df` for the directories a conversion writes to."""
from migrate.facts.model import FreeSpace, Mount

# Where a conversion writes: the download cache and rpmdb (/var), packages (/usr, /), kernels
# and initramfs (/boot), shim and grub (/boot/efi).
SPACE_PATHS = ("/", "/usr", "/var", "/boot", "/boot/efi")


def _unescape(field):
    """/proc/mounts and fstab write a space as \\040, a tab as \\011."""
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def parse_mounts(text):
    """Lines of /proc/mounts or /etc/fstab -> Mount records; comments and junk are skipped."""
    mounts = []
    for line in (text or "").splitlines():
        fields = line.split()
        if len(fields) < 4 or fields[0].startswith("#"):
            continue
        mounts.append(Mount(_unescape(fields[0]), _unescape(fields[1]), fields[2],
                            tuple(fields[3].split(","))))
    return tuple(mounts)


def parse_df(text, paths):
    """`df -P -B1 PATH...` output -> FreeSpace per asked path, in order (df prints one line per
    argument). `paths` are the names inside the root the caller asked about."""
    lines = [line for line in (text or "").splitlines()[1:] if line.strip()]
    result = []
    for path, line in zip(paths, lines):
        fields = line.split(None, 5)
        if len(fields) < 6 or not fields[1].isdigit() or not fields[3].isdigit():
            continue
        result.append(FreeSpace(path, fields[5], int(fields[3]), int(fields[1])))
    return tuple(result)


def collect_mounts(root):
    if not root.is_live:
        return None
    return parse_mounts(root.read_text("/proc/mounts", default=""))


def collect_fstab(root):
    return parse_mounts(root.read_text("/etc/fstab", default=""))


def collect_free_space(root, runner):
    """One `df` for every directory of SPACE_PATHS the root has."""
    paths = [p for p in SPACE_PATHS if root.isdir(p)]
    if not paths:
        return ()
    result = runner.run(["df", "-P", "-B1"] + [root.join(p) for p in paths], check=False)
    if result.returncode == 0:
        return parse_df(result.stdout, paths)
    # one path failed (a stale network mount): df skipped its line, so ask one by one
    found = []
    for path in paths:
        single = runner.run(["df", "-P", "-B1", root.join(path)], check=False)
        found.extend(parse_df(single.stdout, [path]) if single.returncode == 0 else ())
    return tuple(found)

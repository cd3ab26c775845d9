"""Pure decisions of the boot path, made from Facts.boot and the installed packages: which
kernel becomes the default, which packages are still another vendor's, which efibootmgr calls
put AlmaLinux first. No I/O: the boot steps and the VERIFY checks act on what these say."""
from migrate.facts.evr import evr_key


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


def boot_package_names(profile, arch):
    """(kernel package names, boot loader package names: shim, grub2, fwupd) of the target."""
    kernels = set(profile.kernel_packages) | {"kernel"}
    loaders = [n for n in profile.boot.get(arch, {}).get("packages", []) if n not in kernels]
    return kernels, loaders


def trusted_kernel_releases(packages, kernel_names, trusted_keyids):
    """What `uname -r` says for each installed kernel signed by a trusted key."""
    return set(kernel_release(p) for p in packages if p.name in kernel_names and p.keyid in trusted_keyids)


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

"""The running kernel, its loaded modules, DKMS trees and FIPS mode.

/proc belongs to the live machine: under --root those facts stay None. DKMS trees live in the
root's /var/lib/dkms and are read either way."""
import os
import re

from migrate.facts.model import KernelModule

DKMS_DIR = "/var/lib/dkms"
# /proc/modules: "name size refcount deps state address [(taints)]"
TAINTS = re.compile(r"\(([A-Z]+)\)\s*$")


def parse_proc_modules(text):
    """Loaded modules with their taint flags (O out-of-tree, E unsigned, P proprietary, ...)."""
    modules = []
    for line in (text or "").splitlines():
        fields = line.split()
        if not fields:
            continue
        match = TAINTS.search(line)
        modules.append(KernelModule(fields[0], match.group(1) if match else ""))
    return tuple(modules)


def parse_flag(text):
    """'1\\n' -> True, '0' -> False, anything else (missing file) -> None."""
    value = (text or "").strip()
    return {"1": True, "0": False}.get(value)


def collect_dkms_modules(root):
    """'name/version' for every module version DKMS keeps a source tree of."""
    found = []
    for name in root.listdir(DKMS_DIR):
        module_dir = "%s/%s" % (DKMS_DIR, name)
        if not root.isdir(module_dir):
            continue  # dkms_dbversion and friends
        for version in root.listdir(module_dir):
            if version.startswith("kernel-") or not root.isdir("%s/%s" % (module_dir, version)):
                continue  # "kernel-<release>-<arch>" links point into a version's build tree
            found.append("%s/%s" % (name, version))
    return tuple(found)


def collect_kernel(root):
    """(running kernel release, loaded modules, FIPS mode); all None off the live machine."""
    if not root.is_live:
        return None, None, None
    release = root.read_text("/proc/sys/kernel/osrelease", default="").strip() or None
    modules = parse_proc_modules(root.read_text("/proc/modules", default=""))
    fips = parse_flag(root.read_text("/proc/sys/crypto/fips_enabled", default=""))
    return release, modules, fips if fips is not None else False


MODULES_DIR = "/lib/modules"
OUT_OF_TREE_DIRS = ("extra", "updates", "weak-updates")  # kmod packages, DKMS, weak links
MODULE_SUFFIX = re.compile(r"\.ko(\.(xz|gz|zst))?$")


def module_name(file_name):
    """'nvidia-drm.ko.xz' -> 'nvidia_drm' (the kernel treats - and _ alike); None: no module."""
    if not MODULE_SUFFIX.search(file_name):
        return None
    return MODULE_SUFFIX.sub("", file_name).replace("-", "_")


def collect_module_builds(root):
    """(kernel release, module names) of the modules built outside each installed kernel's own
    package; None off the live machine (the check that reads it needs /proc/modules)."""
    if not root.is_live:
        return None
    builds = []
    for release in sorted(root.listdir(MODULES_DIR)):
        names = set()
        for sub in OUT_OF_TREE_DIRS:
            base = root.join("%s/%s/%s" % (MODULES_DIR, release, sub))
            for _, _, files in os.walk(base):
                names.update(n for n in (module_name(f) for f in files) if n)
        builds.append((release, tuple(sorted(names))))
    return tuple(builds)

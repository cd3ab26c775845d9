"""Which installed packages are kernels, and which one is running: shared by the kernel checks."""
import re

from migrate.facts.evr import evr_key

# kernel, kernel-core, kernel-uek-core, kernel-rt-core, kernel-64k-core, kernel-ml, ...: the
# packages that own a vmlinuz (not -devel, -headers, -modules, -tools)
KERNEL_NAME = re.compile(r"^kernel(-(uek|rt|debug|64k|ml|lt|rt-debug|64k-debug|uek-debug|zfcpdump))?(-core)?$")


def kernel_packages(facts):
    return [p for p in facts.packages if KERNEL_NAME.match(p.name)]


def running_kernel_package(facts):
    """The package whose version-release.arch is `uname -r` (variant suffixes like +debug
    dropped); None when no package owns the running kernel."""
    release, _, variant = (facts.running_kernel or "").partition("+")  # "...x86_64+debug"
    owners = [p for p in kernel_packages(facts) if "%s-%s.%s" % (p.version, p.release, p.arch) == release]
    # the variant's own package first, then kernel-core (it owns vmlinuz on EL8+)
    owners.sort(key=lambda p: (("-%s" % variant in p.name) != bool(variant), not p.name.endswith("-core"), p.name))
    return owners[0] if owners else None


def newest(packages):
    return max(packages, key=evr_key) if packages else None

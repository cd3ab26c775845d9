"""Plain-data builders for unit tests: a live Rocky 9 x86_64 host unless told otherwise."""
import io
import os

from migrate.config import Options
from migrate.facts.boot.model import BootFacts, EspMember
from migrate.facts.model import Facts, Mount, OsRelease, Package, RepoSection
from migrate.profiles import load_profiles
from migrate.source import choose_target, identify_source
from migrate.trust import Trust, TrustedKey

ALMA9_KEYID = "d36cb86cb86b3716"
# AlmaLinux 9's pinned key as a run record holds it (ctx.run.known_keys): its key ID is ALMA9_KEYID
ALMA9_KEY = TrustedKey("BF18AC2876178908D6E71267D36CB86CB86B3716", None, False, "AlmaLinux", b"", ())
ROCKY_KEYID = "702d426d350d275d"
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def package(name, version="1.0", release="1.el9", arch="x86_64", vendor="Rocky Enterprise Software Foundation",
            keyid=ROCKY_KEYID, epoch=0):
    return Package(name, epoch, version, release, arch, vendor, keyid)


def repo(repo_id, enabled=True, file="/etc/yum.repos.d/rocky.repo"):
    return RepoSection(file, repo_id, repo_id, enabled, (), "", "", ())


def mount(target, fstype="xfs", readonly=False, source="/dev/vda1"):
    return Mount(source, target, fstype, ("ro" if readonly else "rw", "relatime"))


ROCKY9_OS_RELEASE = OsRelease("rocky", "Rocky Linux", "9.4", "Rocky Linux 9.4 (Blue Onyx)")
STREAM9_OS_RELEASE = OsRelease("centos", "CentOS Stream", "9", "CentOS Stream 9")


def make_facts(**changes):
    values = dict(
        root_path="/",
        is_live=True,
        is_superuser=True,
        os_release=ROCKY9_OS_RELEASE,
        redhat_release="Rocky Linux release 9.4 (Blue Onyx)",
        arch="x86_64",
        packages=(package("rocky-release", "9.4", arch="noarch"), package("bash", "5.1.8"),
                  package("filesystem", "3.16")),
        repos=(repo("baseos"), repo("appstream"), repo("crb", enabled=False)),
        repo_errors=(),
        conversion_in_progress=False,
        release_packages=("rocky-release",),
    )
    values.update(changes)
    return Facts(**values)


def boot_facts(**changes):
    """Facts.boot of a plain UEFI machine: the ESP on /dev/vda1, Secure Boot off, no container."""
    values = dict(bootloader="uefi", container="", secure_boot=False, esp_source="/dev/vda1",
                  esp_members=(EspMember("/dev/vda1", "/dev/vda", 1, ""),), efi=None, prep_partitions=(),
                  boot_disks=())
    values.update(changes)
    return BootFacts(**values)


def profiles():
    return load_profiles()


def situation(facts=None, **option_values):
    """(facts, source, target, options) as the commands would decide them."""
    facts = facts or make_facts()
    options = Options(**option_values)
    source = identify_source(facts, profiles())
    return facts, source, choose_target(source, profiles(), options), options


def base_packages(*extra):
    """A minimal Rocky 9 package set, plus extra."""
    return (package("rocky-release", "9.4", arch="noarch"), package("bash", "5.1.8"),
            package("filesystem", "3.16")) + extra


def kernel(release, name="kernel-core", vendor="Rocky Enterprise Software Foundation"):
    """An installed kernel package (install-only, as dnf marks them)."""
    return package(name, "5.14.0", release, vendor=vendor)._replace(installonly=True)


def output_text(name):
    """A captured command output or host file from tests/fixtures/output."""
    with io.open(os.path.join(FIXTURES, "output", name), encoding="utf-8") as handle:
        return handle.read()


def output_bytes(name):
    with open(os.path.join(FIXTURES, "output", name), "rb") as handle:
        return handle.read()


def trusted_keys(major):
    """The trusted keys of the real AlmaLinux key file of that major (tests/fixtures/real/keys)
    as the mirror probe keeps them: AlmaLinux 8's file holds two."""
    path = os.path.join(FIXTURES, "real", "keys", "RPM-GPG-KEY-AlmaLinux-%d" % major)
    with io.open(path, encoding="ascii") as handle:
        return Trust(profiles().target_for(major).fingerprints).select(handle.read()).trusted

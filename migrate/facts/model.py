"""Plain records of what the host looks like; no I/O here."""
from typing import NamedTuple, Optional, Tuple


class OsRelease(NamedTuple):
    os_id: str  # "centos", "rocky", ...; "" when missing
    name: str
    version_id: str
    pretty_name: str


class Package(NamedTuple):
    name: str
    epoch: int
    version: str
    release: str
    arch: str
    vendor: str
    keyid: Optional[str]  # 16 lowercase hex digits of the signing key; None when unsigned
    dbid: int = 0  # the rpmdb's record number: tells apart two copies of one NEVRA

    @property
    def evr(self):
        prefix = "%d:" % self.epoch if self.epoch else ""
        return "%s%s-%s" % (prefix, self.version, self.release)

    @property
    def nevra(self):
        return "%s-%s.%s" % (self.name, self.evr, self.arch)


class RepoSection(NamedTuple):
    file: str  # path inside the root
    repo_id: str
    name: str
    enabled: bool
    baseurl: Tuple[str, ...]
    mirrorlist: str
    metalink: str
    gpgkey: Tuple[str, ...]


class Facts(NamedTuple):
    root_path: str
    is_live: bool
    is_superuser: Optional[bool]  # None under --root: not the live machine
    os_release: OsRelease
    redhat_release: str  # first line of /etc/redhat-release, "" when missing
    arch: str  # from the installed packages; "" when none
    packages: Tuple[Package, ...]
    repos: Tuple[RepoSection, ...]
    repo_errors: Tuple[str, ...]  # repo files that could not be parsed
    conversion_in_progress: bool
    release_packages: Tuple[str, ...] = ()  # installed packages that provide system-release
    rpmdb_error: str = ""  # why the rpmdb could not be read; "" when it was
    boot: Optional[object] = None  # migrate.boot.model.BootFacts; None under --root

    def installed(self, name):
        return [p for p in self.packages if p.name == name]

    def has_package(self, name):
        return any(p.name == name for p in self.packages)

"""Plain records of what the host looks like; no I/O here."""
from typing import NamedTuple, Optional, Tuple

from migrate.facts.boot.model import BootFacts


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
    installonly: bool = False  # provides one of dnf's installonlypkgs (kernels): kept in several versions

    @property
    def evr(self):
        prefix = "%d:" % self.epoch if self.epoch else ""
        return "%s%s-%s" % (prefix, self.version, self.release)

    @property
    def nevra(self):
        return "%s-%s.%s" % (self.name, self.evr, self.arch)


class RpmdbKey(NamedTuple):
    """A gpg-pubkey in the rpmdb: rpm keeps the armored key in its description."""
    name: str  # gpg-pubkey-VERSION-RELEASE, what `rpm -e` takes
    summary: str  # gpg(user ID)
    text: str


class RepoSection(NamedTuple):
    file: str  # path inside the root
    repo_id: str
    name: str
    enabled: bool
    baseurl: Tuple[str, ...]
    mirrorlist: str
    metalink: str
    gpgkey: Tuple[str, ...]


class Mount(NamedTuple):
    source: str  # device, "tmpfs", "UUID=..." in fstab
    target: str  # mount point
    fstype: str
    options: Tuple[str, ...]

    @property
    def readonly(self):
        return "ro" in self.options


class FreeSpace(NamedTuple):
    path: str  # the directory asked about, inside the root ("/var")
    mountpoint: str  # the file system holding it, as df names it
    available: int  # bytes
    size: int  # bytes


class KernelModule(NamedTuple):
    name: str
    taints: str  # flags rpm-less modules carry in /proc/modules: "O", "OE", "P"; "" when clean


class Memory(NamedTuple):
    total: int  # bytes of RAM
    available: int  # bytes of RAM available without swapping
    swap_free: int


class DnfConfig(NamedTuple):
    excludes: Tuple[str, ...] = ()  # exclude= / excludepkgs= of dnf.conf [main]
    versionlock: Tuple[str, ...] = ()  # entries of the versionlock plugin's list file
    versionlock_enabled: bool = False


class ModuleStream(NamedTuple):
    name: str
    stream: str
    state: str  # "enabled", "disabled", ...


class Panel(NamedTuple):
    name: str  # "cPanel", "Plesk", "DirectAdmin"
    version: str  # "" when it could not be read
    min_version: str = ""  # oldest that supports AlmaLinux of the same major; "" for any
    post_convert: Tuple[Tuple[str, ...], ...] = ()  # commands its profile says to run afterwards
    busy: Optional[Tuple[str, ...]] = None  # its updater/backup processes running; None under --root


class Registration(NamedTuple):
    """How a RHEL host gets its content: subscription-manager, Satellite, RHUI."""

    registered: bool  # /etc/pki/consumer/cert.pem exists
    server: str  # rhsm.conf [server] hostname; "" when not configured


class BrokenDependency(NamedTuple):
    package: str  # NEVRA of the installed package; "" when only the solver's text says it
    requirement: str  # what it requires and nothing installed provides ("libfoo.so.1()(64bit)")


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
    boot: Optional[BootFacts] = None  # firmware, Secure Boot, container, ESP, ...; None under --root
    # -- the preflight's host facts; None means "not the live machine" -----------------
    running_kernel: Optional[str] = None  # /proc/sys/kernel/osrelease: what `uname -r` prints
    loaded_modules: Optional[Tuple[KernelModule, ...]] = None
    dkms_modules: Tuple[str, ...] = ()  # "nvidia/535.104.05" from /var/lib/dkms
    # (kernel release, module names) built outside the kernel package: /lib/modules/<kver>/
    # extra, updates and weak-updates; None off the live machine
    module_builds: Optional[Tuple[Tuple[str, Tuple[str, ...]], ...]] = None
    fips_enabled: Optional[bool] = None
    bootloaders: Tuple[str, ...] = ()  # found in the root: "grub2", "systemd-boot", "zipl", ...
    esp_entries: Tuple[str, ...] = ()  # directories under /boot/efi/EFI
    mounts: Optional[Tuple[Mount, ...]] = None
    fstab: Tuple[Mount, ...] = ()
    free_space: Tuple[FreeSpace, ...] = ()
    memory: Optional[Memory] = None
    package_managers_running: Optional[Tuple[str, ...]] = None  # "dnf (pid 812)"
    dnf_config: DnfConfig = DnfConfig()
    module_streams: Tuple[ModuleStream, ...] = ()
    package_origins: Optional[Tuple[Tuple[str, str], ...]] = None  # (nevra, repo id) from dnf history
    panels: Tuple[Panel, ...] = ()
    registration: Optional[Registration] = None  # None: subscription-manager not configured
    # None: not computed (no dnf bindings, unreadable rpmdb); () when every requirement is met
    broken_dependencies: Optional[Tuple[BrokenDependency, ...]] = None
    # (path inside the root, where rpm/dnf would land) for each path they open that leads out
    escaping_paths: Tuple[Tuple[str, str], ...] = ()
    rpmdb_backend: Optional[str] = None  # "bdb", "sqlite", "ndb": from the files in the rpmdb directory
    rpmdb_backend_file: Optional[str] = None  # the file that says so, inside the root
    # formats this machine's rpm can write; None on the live host (its rpm is the host's own)
    rpm_writable_backends: Optional[Tuple[str, ...]] = None
    rpm_bindings_missing: str = ""  # the interpreter running us when it lacks the rpm bindings
    rpmdb_keys: Tuple[RpmdbKey, ...] = ()  # gpg-pubkeys with their armored keys (migrate.trust)

    def installed(self, name):
        return [p for p in self.packages if p.name == name]

    def has_package(self, name):
        return any(p.name == name for p in self.packages)

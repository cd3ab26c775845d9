"""Every check, in the order they run. Imported at start: nothing is loaded lazily later."""
from migrate.checks.already_converted import AlreadyConverted
from migrate.checks.base import HOST, SOURCE, TARGET, VERIFY
from migrate.checks.boot_not_checked import BootNotChecked
from migrate.checks.boot_layout_unknown import BootLayoutUnknown
from migrate.checks.boot_packages_foreign import BootPackagesForeign
from migrate.checks.bootloader_unsupported import BootloaderUnsupported
from migrate.checks.broken_dependencies import BrokenDependencies
from migrate.checks.broken_repo_files import BrokenRepoFiles
from migrate.checks.container import Container
from migrate.checks.control_panel import ControlPanel
from migrate.checks.conversion_in_progress import ConversionInProgress
from migrate.checks.custom_kernel import CustomKernel
from migrate.checks.default_entry_foreign import DefaultEntryForeign
from migrate.checks.dkms_modules import DkmsModules
from migrate.checks.dnf_excludes import DnfExcludes
from migrate.checks.downgrade_required import DowngradeRequired
from migrate.checks.duplicate_packages import DuplicatePackages
from migrate.checks.esp_not_mounted import EspNotMounted
from migrate.checks.esp_on_raid import EspOnRaid
from migrate.checks.fips_mode import FipsMode
from migrate.checks.fips_provider_removal import FipsProviderRemoval
from migrate.checks.foreign_kernels_left import ForeignKernelsLeft
from migrate.checks.insufficient_disk_space import InsufficientDiskSpace
from migrate.checks.journal_keys_ignored import JournalKeysIgnored
from migrate.checks.kernel_modules_missing import KernelModulesMissing
from migrate.checks.leftover_packages import LeftoverPackages
from migrate.checks.low_memory import LowMemory
from migrate.checks.mirror_keys_ignored import MirrorKeysIgnored
from migrate.checks.mirror_unreachable import MirrorUnreachable
from migrate.checks.module_streams import ModuleStreams
from migrate.checks.not_almalinux import NotAlmalinux
from migrate.checks.not_superuser import NotSuperuser
from migrate.checks.package_manager_running import PackageManagerRunning
from migrate.checks.packages_without_repo import PackagesWithoutRepo
from migrate.checks.panel_busy import PanelBusy
from migrate.checks.pending_updates import PendingUpdates
from migrate.checks.readonly_mounts import ReadonlyMounts
from migrate.checks.release_package_mismatch import ReleasePackageMismatch
from migrate.checks.rhsm_registered import RhsmRegistered
from migrate.checks.rhui_client import RhuiClient
from migrate.checks.root_path_escapes import RootPathEscapes
from migrate.checks.rpm_bindings_missing import RpmBindingsMissing
from migrate.checks.rpmdb_backend_unwritable import RpmdbBackendUnwritable
from migrate.checks.rpmdb_unreadable import RpmdbUnreadable
from migrate.checks.running_kernel_foreign import RunningKernelForeign
from migrate.checks.running_kernel_not_newest import RunningKernelNotNewest
from migrate.checks.secure_boot import SecureBoot
from migrate.checks.swap_target_missing import SwapTargetMissing
from migrate.checks.tainted_modules import TaintedModules
from migrate.checks.target_key_untrusted import TargetKeyUntrusted
from migrate.checks.target_repos_missing import TargetReposMissing
from migrate.checks.target_version_missing import TargetVersionMissing
from migrate.checks.third_party_packages import ThirdPartyPackages
from migrate.checks.third_party_repos import ThirdPartyRepos
from migrate.checks.transaction_unsolvable import TransactionUnsolvable
from migrate.checks.uek_kernel import UekKernel
from migrate.checks.unsupported_arch import UnsupportedArch
from migrate.checks.unsupported_filesystem import UnsupportedFilesystem
from migrate.checks.unsupported_source import UnsupportedSource
from migrate.checks.unsupported_target import UnsupportedTarget
from migrate.checks.untrusted_keys_in_rpmdb import UntrustedKeysInRpmdb
from migrate.checks.versionlock_entries import VersionlockEntries

ALL = (
    RootPathEscapes(),
    NotSuperuser(),
    UnsupportedSource(),
    RpmBindingsMissing(),
    RpmdbUnreadable(),
    AlreadyConverted(),
    RpmdbBackendUnwritable(),
    UnsupportedTarget(),
    UnsupportedArch(),
    ConversionInProgress(),
    ReleasePackageMismatch(),
    BrokenRepoFiles(),
    ThirdPartyRepos(),
    # the host as it runs (live-only checks are skipped under --root)
    PackageManagerRunning(),
    Container(),
    ReadonlyMounts(),
    UnsupportedFilesystem(),
    EspNotMounted(),
    EspOnRaid(),
    BootloaderUnsupported(),
    BootLayoutUnknown(),
    SecureBoot(),
    FipsMode(),
    LowMemory(),
    RunningKernelNotNewest(),
    CustomKernel(),
    UekKernel(),
    TaintedModules(),
    DkmsModules(),
    # packages and package manager state
    DuplicatePackages(),
    BrokenDependencies(),
    VersionlockEntries(),
    DnfExcludes(),
    ModuleStreams(),
    ThirdPartyPackages(),
    PackagesWithoutRepo(),
    RhsmRegistered(),
    RhuiClient(),
    ControlPanel(),
    PanelBusy(),
    # after the host checks, best effort: the source's own repos
    PendingUpdates(),
    MirrorUnreachable(),
    TargetVersionMissing(),
    TargetKeyUntrusted(),
    MirrorKeysIgnored(),
    TargetReposMissing(),
    TransactionUnsolvable(),
    KernelModulesMissing(),
    FipsProviderRemoval(),
    DowngradeRequired(),
    SwapTargetMissing(),
    LeftoverPackages(),
    InsufficientDiskSpace(),
    # `verify`, on the converted host: AlmaLinux first, then the keys its rpmdb trusts
    NotAlmalinux(),
    UntrustedKeysInRpmdb(),
    JournalKeysIgnored(),
    # `verify --boot`: the converted boot path, after the reboot
    BootPackagesForeign(),
    ForeignKernelsLeft(),
    BootNotChecked(),
    RunningKernelForeign(),
    DefaultEntryForeign(),
)

HOST_CHECKS = tuple(c for c in ALL if c.phase == HOST)
SOURCE_CHECKS = tuple(c for c in ALL if c.phase == SOURCE)
TARGET_CHECKS = tuple(c for c in ALL if c.phase == TARGET)
VERIFY_CHECKS = tuple(c for c in ALL if c.phase == VERIFY and not c.verify_boot_only)
VERIFY_BOOT_CHECKS = tuple(c for c in ALL if c.phase == VERIFY and c.verify_boot_only)

"""The conversion's steps, in phases. PREPARE is reversible and does everything that can fail
for network or trust reasons; the engine (migrate.steps.engine) places the point of no return
between it and CONVERT. BOOT makes the converted system start; FINISH tidies up."""
from migrate.steps.backup_files import BackupFiles
from migrate.steps.base import Phase
from migrate.steps.distro_sync import DistroSync
from migrate.steps.download_packages import DownloadPackages
from migrate.steps.enable_mapped_repos import EnableMappedRepos
from migrate.steps.import_target_key import ImportTargetKey
from migrate.steps.install_bootloader import InstallBootloader
from migrate.steps.login_banner import RemoveLoginBanner, WriteLoginBanner
from migrate.steps.point_repos_at_mirror import PointReposAtMirror
from migrate.steps.regenerate_boot_config import RegenerateBootConfig
from migrate.steps.remove_downloads import RemoveDownloads
from migrate.steps.restore_edits import RestoreEdits
from migrate.steps.resume_unit import InstallResumeUnit, RemoveResumeUnit
from migrate.steps.run_panel_actions import RunPanelActions
from migrate.steps.save_target_key import SaveTargetKey
from migrate.steps.set_aside_repo_files import SetAsideRepoFiles
from migrate.steps.set_default_kernel import SetDefaultKernel
from migrate.steps.set_sssd_cache_aside import SetSssdCacheAside
from migrate.steps.test_transaction import TestTransaction
from migrate.steps.third_party_repos import DisableThirdPartyRepos, EnableThirdPartyRepos
from migrate.steps.unregister_subscription import UnregisterSubscription
from migrate.steps.update_efi_entries import UpdateEfiEntries
from migrate.steps.verify_boot_entry import VerifyBootEntry
from migrate.steps.verify_signatures import VerifySignatures

PREPARE = (SaveTargetKey, DownloadPackages, VerifySignatures, TestTransaction, BackupFiles,
           InstallResumeUnit, WriteLoginBanner)
CONVERT = (ImportTargetKey, UnregisterSubscription, DisableThirdPartyRepos, DistroSync,
           EnableThirdPartyRepos, SetAsideRepoFiles, EnableMappedRepos, RestoreEdits, SetSssdCacheAside)
BOOT = (SetDefaultKernel, RegenerateBootConfig, InstallBootloader, UpdateEfiEntries, VerifyBootEntry)
FINISH = (PointReposAtMirror, RunPanelActions, RemoveDownloads, RemoveResumeUnit, RemoveLoginBanner)


def conversion_phases():
    """The phases in run order, with fresh step objects (a step may keep state for one run)."""
    def phase(name, classes, reversible=False):
        return Phase(name, tuple(cls() for cls in classes), reversible)

    return [phase("prepare", PREPARE, reversible=True), phase("convert", CONVERT), phase("boot", BOOT),
            phase("finish", FINISH)]


def conversion_steps():
    """Every step in run order: the journal's list."""
    return [step for phase in conversion_phases() for step in phase.steps]

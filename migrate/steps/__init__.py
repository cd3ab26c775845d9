"""The conversion's steps, in order. Those before the point of no return are reversible and
do everything that can fail for network or trust reasons."""
from migrate.steps.backup_files import BackupFiles
from migrate.steps.distro_sync import DistroSync
from migrate.steps.download_packages import DownloadPackages
from migrate.steps.import_target_key import ImportTargetKey
from migrate.steps.point_repos_at_mirror import PointReposAtMirror
from migrate.steps.remove_downloads import RemoveDownloads
from migrate.steps.resume_unit import InstallResumeUnit, RemoveResumeUnit
from migrate.steps.save_target_key import SaveTargetKey
from migrate.steps.source_cleanup import (EnableMappedRepos, RestoreEdits, SetAsideRepoFiles,
                                          SetSssdCacheAside, UnregisterSubscription)
from migrate.steps.third_party import DisableThirdPartyRepos, EnableThirdPartyRepos
from migrate.steps.verify_signatures import VerifySignatures


def conversion_steps():
    return [
        SaveTargetKey(),
        DownloadPackages(),
        VerifySignatures(),
        BackupFiles(),
        InstallResumeUnit(),
        ImportTargetKey(),
        UnregisterSubscription(),
        DisableThirdPartyRepos(),
        DistroSync(),
        EnableThirdPartyRepos(),
        SetAsideRepoFiles(),
        EnableMappedRepos(),
        RestoreEdits(),
        SetSssdCacheAside(),
        PointReposAtMirror(),
        RemoveDownloads(),
        RemoveResumeUnit(),
    ]

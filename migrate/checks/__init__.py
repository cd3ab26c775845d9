"""Every check, in the order they run. Imported at start: nothing is loaded lazily later."""
from migrate.checks.already_converted import AlreadyConverted
from migrate.checks.base import HOST, TARGET
from migrate.checks.boot_layout_unknown import BootLayoutUnknown
from migrate.checks.boot_steps_skipped import BootStepsSkipped
from migrate.checks.broken_repo_files import BrokenRepoFiles
from migrate.checks.conversion_in_progress import ConversionInProgress
from migrate.checks.downgrade_required import DowngradeRequired
from migrate.checks.leftover_packages import LeftoverPackages
from migrate.checks.mirror_unreachable import MirrorUnreachable
from migrate.checks.not_superuser import NotSuperuser
from migrate.checks.release_package_mismatch import ReleasePackageMismatch
from migrate.checks.rpmdb_unreadable import RpmdbUnreadable
from migrate.checks.secure_boot import SecureBoot
from migrate.checks.target_key_untrusted import TargetKeyUntrusted
from migrate.checks.target_repos_missing import TargetReposMissing
from migrate.checks.third_party_repos import ThirdPartyRepos
from migrate.checks.transaction_unsolvable import TransactionUnsolvable
from migrate.checks.unsupported_arch import UnsupportedArch
from migrate.checks.unsupported_source import UnsupportedSource
from migrate.checks.unsupported_target import UnsupportedTarget

ALL = (
    NotSuperuser(),
    UnsupportedSource(),
    RpmdbUnreadable(),
    AlreadyConverted(),
    UnsupportedTarget(),
    UnsupportedArch(),
    ConversionInProgress(),
    ReleasePackageMismatch(),
    BrokenRepoFiles(),
    ThirdPartyRepos(),
    BootStepsSkipped(),
    BootLayoutUnknown(),
    SecureBoot(),
    MirrorUnreachable(),
    TargetKeyUntrusted(),
    TargetReposMissing(),
    TransactionUnsolvable(),
    DowngradeRequired(),
    LeftoverPackages(),
)

HOST_CHECKS = tuple(c for c in ALL if c.phase == HOST)
TARGET_CHECKS = tuple(c for c in ALL if c.phase == TARGET)

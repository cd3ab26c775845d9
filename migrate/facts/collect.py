"""collect(root) -> Facts: the one place that reads the host for the checks."""
import logging
import os

from migrate.boot.collect import collect_boot
from migrate.facts.model import Facts
from migrate.facts.osrelease import collect_os_release, collect_redhat_release
from migrate.facts.repos import collect_repos
from migrate.facts.rpmdb import collect_packages, collect_release_packages, detect_arch
from migrate.journal import journal_exists

log = logging.getLogger(__name__)


def _read_rpmdb(root):
    """(packages, release packages, error): an unreadable rpmdb is a finding, not a crash."""
    if not root.exists(root.rpmdb_path):
        return (), (), ""
    try:
        return collect_packages(root), collect_release_packages(root), ""
    except ImportError as exc:
        return (), (), "the rpm Python bindings are missing (%s)" % exc
    except Exception as exc:  # rpm.error and friends: a damaged or foreign-format database
        log.debug("reading the rpmdb failed", exc_info=True)
        return (), (), "%s: %s" % (type(exc).__name__, exc)


def collect(root, runner=None):
    """Everything the checks read; with a runner, also the live machine's boot path."""
    packages, release_packages, rpmdb_error = _read_rpmdb(root)
    arch = detect_arch(packages) or (os.uname()[4] if packages else "")
    repos, repo_errors = collect_repos(root)
    return Facts(
        root_path=root.path,
        is_live=root.is_live,
        is_superuser=(os.geteuid() == 0) if root.is_live else None,
        os_release=collect_os_release(root),
        redhat_release=collect_redhat_release(root),
        # all noarch (a minimal image): the machine's own is the best evidence left
        arch=arch,
        packages=packages,
        repos=repos,
        repo_errors=repo_errors,
        conversion_in_progress=journal_exists(root),
        release_packages=release_packages,
        rpmdb_error=rpmdb_error,
        boot=collect_boot(root, runner, arch) if runner is not None else None,
    )

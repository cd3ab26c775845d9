"""collect(root) -> Facts: the one place that reads the host for the checks."""
import os

from migrate.facts.model import Facts
from migrate.facts.osrelease import collect_os_release, collect_redhat_release
from migrate.facts.repos import collect_repos
from migrate.facts.rpmdb import collect_packages, detect_arch
from migrate.journal import journal_exists


def collect(root):
    packages = collect_packages(root) if root.exists(root.rpmdb_path) else ()
    repos, repo_errors = collect_repos(root)
    return Facts(
        root_path=root.path,
        is_live=root.is_live,
        is_superuser=(os.geteuid() == 0) if root.is_live else None,
        os_release=collect_os_release(root),
        redhat_release=collect_redhat_release(root),
        arch=detect_arch(packages) or (os.uname()[4] if packages else ""),
        packages=packages,
        repos=repos,
        repo_errors=repo_errors,
        conversion_in_progress=journal_exists(root),
    )

"""collect(root) -> Facts: the one place that reads the host for the checks."""
import logging
import os
import sys

from migrate.facts.boot.collect import collect_boot
from migrate.facts.boot.loaders import collect_esp_entries, detect_bootloaders
from migrate.facts.dependencies import collect_broken_dependencies
from migrate.facts.dnfconf import collect_dnf_config, collect_module_streams, collect_package_origins
from migrate.facts.kernel import collect_dkms_modules, collect_kernel, collect_module_builds
from migrate.facts.machine import collect_memory, collect_package_managers
from migrate.facts.model import Facts
from migrate.facts.mounts import collect_free_space, collect_fstab, collect_mounts
from migrate.facts.osrelease import collect_os_release, collect_redhat_release
from migrate.facts.panels import collect_panels
from migrate.facts.repos import collect_repos
from migrate.facts.rhsm import collect_registration
from migrate.facts.rpmdb_backend import collect_writable_backends, detect_backend
from migrate.facts.rpmdb import collect_packages, collect_release_packages, collect_rpmdb_keys, detect_arch
from migrate.journal import journal_exists
from migrate.runner import Runner

log = logging.getLogger(__name__)
BINDINGS_MISSING = "the rpm Python bindings are missing"


def _read_rpmdb(root):
    """(packages, release packages, error): an unreadable rpmdb is a finding, not a crash."""
    if not root.has_rpmdb():  # opening it would create an empty rpmdb: preflight changes nothing
        return (), (), ""
    try:
        return collect_packages(root), collect_release_packages(root), ""
    except ImportError as exc:
        return (), (), "%s (%s)" % (BINDINGS_MISSING, exc)
    except Exception as exc:  # rpm.error and friends: a damaged or foreign-format database
        log.debug("reading the rpmdb failed", exc_info=True)
        return (), (), "%s: %s" % (type(exc).__name__, exc)


def _read_rpmdb_keys(root):
    """The rpmdb's gpg-pubkeys; () when they cannot be read (RPMDB_UNREADABLE says why)."""
    if not root.exists(root.rpmdb_path):
        return ()
    try:
        return tuple(collect_rpmdb_keys(root))
    except Exception:  # rpm.error and friends, as in _read_rpmdb
        log.debug("reading the rpmdb's keys failed", exc_info=True)
        return ()


def collect(root, runner=None):
    """Everything the checks read. `runner` runs the few tools that tell the live machine's boot
    path and free space (none under --root)."""
    runner = runner or Runner()
    escaping = tuple(root.escaping_paths(root.handed_over))
    if escaping:  # rpm and dnf would open them on this machine: read none of it
        packages, release_packages, rpmdb_error = (), (), ""
    else:
        packages, release_packages, rpmdb_error = _read_rpmdb(root)
    bindings_missing = (sys.executable or "this Python") if rpmdb_error.startswith(BINDINGS_MISSING) else ""
    arch = detect_arch(packages) or (os.uname()[4] if packages else "")
    repos, repo_errors = collect_repos(root)
    running_kernel, loaded_modules, fips_enabled = collect_kernel(root)
    mounts = collect_mounts(root)
    backend, backend_file = detect_backend(root)
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
        rpmdb_keys=_read_rpmdb_keys(root) if packages else (),
        rpmdb_error=rpmdb_error,
        rpm_bindings_missing=bindings_missing,
        boot=collect_boot(root, runner, arch, mounts),
        running_kernel=running_kernel,
        loaded_modules=loaded_modules,
        dkms_modules=collect_dkms_modules(root),
        module_builds=collect_module_builds(root),
        fips_enabled=fips_enabled,
        bootloaders=detect_bootloaders(root),
        esp_entries=collect_esp_entries(root),
        mounts=mounts,
        fstab=collect_fstab(root),
        free_space=collect_free_space(root, runner),
        memory=collect_memory(root),
        package_managers_running=collect_package_managers(root),
        dnf_config=collect_dnf_config(root),
        module_streams=collect_module_streams(root),
        package_origins=collect_package_origins(root),
        panels=collect_panels(root),
        registration=collect_registration(root),
        broken_dependencies=collect_broken_dependencies(root, arch) if packages else None,
        rpmdb_backend=backend,
        rpmdb_backend_file=backend_file,
        rpm_writable_backends=None if root.is_live else collect_writable_backends(runner),
        escaping_paths=escaping,
    )

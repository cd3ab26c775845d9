"""Updates the source's own enabled repos offer for installed packages: is the host fully
updated before it is converted? Best effort by design: the old vendor's repos are never
required (CentOS Linux 8's are gone), so whatever cannot be reached within a short budget is
reported as not checked, never as a failure.

A side configuration of its own: the root's repo files read by dnf (variables from the
release package and /etc/dnf/vars substituted), every repo that is not the source vendor's
disabled, metadata cached in the tool's state directory (never the root's dnf cache), no gpg
check (nothing is installed), no countme ping, each repo given what is left of the budget as
its timeout and skipped when it fails."""
import logging
import os
import re
import shutil
import tempfile
import time
from typing import NamedTuple, Tuple
from urllib.parse import urlsplit

from migrate.interrupts import library_interruption
from migrate.layout import SOURCE_REPOS_DIR

log = logging.getLogger(__name__)

BUDGET = 15.0  # seconds for all source repos together
REPO_TIMEOUT = 5  # seconds per repo at most (librepo's connect and low-speed timeout)
REPOS_DIR = "/etc/yum.repos.d"
ROOT_PATHS = ("sslcacert", "sslclientcert", "sslclientkey")  # files the repo names, in the root
# dnf's Substitutions.update_from_etc reads these in this order (later wins), first line only
VARS_DIRS = ("/etc/yum/vars", "/etc/dnf/vars")
VAR_NAME = re.compile(r"^[A-Za-z0-9_]+$")


def root_vars(root):
    """The root's dnf variables, read through the Root seam: dnf's own reader would follow a
    link in the root onto this machine."""
    found = {}
    for directory in VARS_DIRS:
        for name in root.listdir(directory):
            path = "%s/%s" % (directory, name)
            if VAR_NAME.match(name) and not root.isdir(path) and root.exists(path):
                lines = root.read_text(path, default="").splitlines()
                found[name] = lines[0] if lines else ""
    return found


def copy_repo_files(root, directory):
    """Copy the root's *.repo files (read through the Root seam) into `directory`, a fresh
    private dir, for dnf to read: it would follow links in the root's own dir onto this machine."""
    for name in root.listdir(REPOS_DIR):
        if name.endswith(".repo") and not root.isdir("%s/%s" % (REPOS_DIR, name)):
            text = root.read_text("%s/%s" % (REPOS_DIR, name), default="")
            with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
                handle.write(text)
    return directory


class Update(NamedTuple):
    name: str
    arch: str
    installed: str  # EVR installed
    available: str  # newest EVR in the source repos
    repo: str


class SourceUpdates(NamedTuple):
    updates: Tuple[Update, ...] = ()
    checked: Tuple[str, ...] = ()  # repo ids whose metadata loaded
    unreachable: Tuple[str, ...] = ()  # "repo id: why"


def _releasever(root, fallback):
    """What dnf on the host would substitute: system-release(releasever) of the release package."""
    import dnf.rpm

    root.pin_dbpath()
    try:
        return dnf.rpm.detect_releasever(root.path) or fallback
    except Exception:  # an odd rpmdb: the major is what EL release packages provide anyway
        log.debug("cannot detect releasever", exc_info=True)
        return fallback


def _configure(repo, root, timeout):
    repo.skip_if_unavailable = True
    repo.gpgcheck = False
    repo.repo_gpgcheck = False
    repo.countme = False  # a preflight is not a host to count
    repo.timeout = timeout
    repo.retries = 1
    if not root.is_live:  # client certificates (RHEL's CDN) live in the root, not on this machine
        for option in ROOT_PATHS:
            value = getattr(repo, option, "")
            if value and value.startswith("/"):
                setattr(repo, option, root.join(value))


class _ExpectedFailures(logging.Filter):
    """dnf warns on stderr about every repo it cannot reach; here that is expected and the
    check says it: keep dnf's words in the log only (as INFO)."""

    def filter(self, record):
        if record.levelno == logging.WARNING:
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def _host(repo):
    """Where the repo's metadata comes from first: metalink, mirrorlist or first baseurl host."""
    url = repo.metalink or repo.mirrorlist or (list(repo.baseurl) or [""])[0]
    return urlsplit(url).netloc or url


def _error(exc):
    return str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__


def probe_source_updates(root, workdir, repo_ids, arch, releasever, proxy=None, budget=BUDGET):
    """SourceUpdates of the enabled source repos `repo_ids`; never raises for the network."""
    import dnf.exceptions

    if not root.has_rpmdb():  # dnf would create an empty one: preflight changes nothing
        return SourceUpdates(unreachable=("not checked: the root has no rpmdb",))
    deadline = time.monotonic() + budget
    base = root.dnf_base(workdir, _releasever(root, releasever), arch, proxy=proxy)
    quiet = _ExpectedFailures()
    logging.getLogger("dnf").addFilter(quiet)
    repos_dir = tempfile.mkdtemp(prefix="repos.", dir=workdir)
    try:
        base.conf.substitutions.update(root_vars(root))
        base.conf.reposdir = [copy_repo_files(root, repos_dir)]
        base.conf.skip_if_unavailable = True
        base.read_all_repos()
        wanted = set(repo_ids)
        checked, unreachable, failed_hosts = [], [], set()
        for repo in sorted(base.repos.values(), key=lambda r: r.id):
            if repo.id not in wanted or not repo.enabled:
                repo.disable()
                continue
            left = deadline - time.monotonic()
            host = _host(repo)
            if left < 1 or host in failed_hosts:  # the vendor's repos share one host: ask it once
                why = "%s did not answer" % host if host in failed_hosts else "the %d s budget was spent" % budget
                unreachable.append("%s: not tried, %s" % (repo.id, why))
                repo.disable()
                continue
            _configure(repo, root, int(min(REPO_TIMEOUT, left)))
            try:
                repo.load()
                checked.append(repo.id)
            except (dnf.exceptions.Error, RuntimeError) as exc:
                interrupted = library_interruption(str(exc))
                if interrupted:  # librepo's own handler caught our signal: a stop, not a dead repo
                    raise interrupted
                log.info("source repo %s not reached: %s", repo.id, exc)
                unreachable.append("%s: %s" % (repo.id, _error(exc)))
                failed_hosts.add(host)
                repo.disable()
        if not checked:
            return SourceUpdates((), (), tuple(unreachable))
        base.fill_sack(load_system_repo=True, load_available_repos=True)
        return SourceUpdates(_updates(base), tuple(checked), tuple(unreachable))
    finally:
        logging.getLogger("dnf").removeFilter(quiet)
        base.close()
        shutil.rmtree(repos_dir, ignore_errors=True)


def _updates(base):
    query = base.sack.query()
    installed = {}
    for package in query.installed():
        installed.setdefault((package.name, package.arch), package.evr)
    updates = []
    for package in query.upgrades().latest().run():
        before = installed.get((package.name, package.arch))
        if before is None:  # an arch change (noarch <-> x86_64): name it by the installed one
            before = next((evr for (name, _), evr in sorted(installed.items()) if name == package.name), "")
        updates.append(Update(package.name, package.arch, before, package.evr, package.reponame))
    return tuple(sorted(updates))


def source_updates(ctx, repo_ids):
    """probe_source_updates for a Context, or None when there is nothing to probe. Whatever
    goes wrong in it is a reason the check did not run, never a failed preflight."""
    if not repo_ids or ctx.source.profile is None:
        return None
    try:
        workdir = ctx.state_path(SOURCE_REPOS_DIR)
        return probe_source_updates(ctx.root, workdir, repo_ids, ctx.source.arch, str(ctx.source.major or ""),
                                    proxy=ctx.options.proxy)
    except Exception as exc:  # a repo file dnf rejects, bindings missing: best effort ends here
        log.warning("the source repositories were not checked for updates: %s", exc)
        log.debug("source repo probe failed", exc_info=True)
        return SourceUpdates(unreachable=("%s: %s" % (type(exc).__name__, exc),))

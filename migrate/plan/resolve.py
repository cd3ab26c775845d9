"""Ask dnf, in a side configuration pointed only at the target repos, what the whole
conversion would do: the source's release packages swapped for the target's, branding
swapped, every package distro-synced, and every package still signed by another vendor
reinstalled when the target has the very same NEVRA (distro-sync skips a same-build package
that was only re-signed). All of it is ONE transaction, resolved here once for `preflight`
and again, from the same cache and offline, for the conversion itself."""
import logging

from migrate.errors import MigrateError
from migrate.interrupts import library_interruption
from migrate.network.repomd import probe_repomd
from migrate.plan.conflicts import annotate_removed, known_conflicts, mark_conflicts
from migrate.plan.foreign import foreign_kept
from migrate.plan.installonly import duplicate_groups, installonly_ids
from migrate.plan.lateral import split_downgrades
from migrate.plan.model import classify_leftover, empty_plan, leftover_entry
from migrate.plan.repo_load import load_metadata, missing_repo
from migrate.plan.whatif import solve
from migrate.root import Root

log = logging.getLogger(__name__)


class ResolveProblem(MigrateError):
    """Metadata could not be loaded, or the transaction has no solution."""

    exit_code = 3

    def __init__(self, kind, message):
        super(ResolveProblem, self).__init__(message)
        self.kind = kind  # "metadata" | "unsolvable" | "missing" | "version_missing"


def target_repo_ids(facts, source, target):
    """The target's default repos plus the counterparts of every enabled source repo."""
    ids = set(r["id"] for r in target.profile.repos if r.get("enabled"))
    repo_map = source.profile.repo_map_for(source.arch) if source.profile else {}
    for section in facts.repos:
        if section.enabled and section.repo_id in repo_map:
            ids.add(repo_map[section.repo_id])
    return [r["id"] for r in target.profile.repos if r["id"] in ids]


def open_base(root, workdir, source, target, options, cacheonly=False, persistdir=None):
    net = options.network
    return root.dnf_base(workdir, target.major, source.arch, proxy=net.proxy_for(target.mirror),
                         cacheonly=cacheonly, persistdir=persistdir, ca_cert=net.ca_cert)


def load_repos(base, target, repo_ids, arch, net=None):
    """Add the target repos and load their metadata; RepoError becomes a `metadata` problem.

    A repo other than the required ones (BaseOS) that cannot be loaded (HTTP error, dropped
    connection, timeout, checksum mismatch) is left out and listed as missing with the reason,
    which the TARGET_REPOS_MISSING check reports (a blocker when an enabled source repo maps
    to it). The transaction's resolution then shows what that costs."""
    import dnf.exceptions

    by_id = dict((r["id"], r) for r in target.profile.repos)
    urls = []
    for repo_id in repo_ids:
        url = target.repo_url(by_id[repo_id]["path"], arch)
        optional = not base.conf.cacheonly and not by_id[repo_id].get("required")
        reason = probe_repomd(url, net) if optional else None
        if reason:
            urls.append(missing_repo(repo_id, url, reason))
            continue
        repo = base.repos.add_new_repo(repo_id, base.conf, baseurl=[url])
        repo.skip_if_unavailable = False
        repo.gpgcheck = False  # we verify every file ourselves against a private keyring
        reason = load_metadata(repo) if optional else None
        if reason:
            repo.disable()
            urls.append(missing_repo(repo_id, url, reason))
            continue
        urls.append({"id": repo_id, "url": url})
    try:
        base.fill_sack(load_system_repo=True, load_available_repos=True)
    except dnf.exceptions.Error as exc:
        interrupted = library_interruption(str(exc))
        if interrupted:  # librepo's own handler caught our signal: a stop, not bad metadata
            raise interrupted
        raise ResolveProblem("metadata", "cannot load the target repositories: %s" % exc)
    return urls


def _latest(query, name, arch):
    return query.filter(name=name, arch=[arch, "noarch"]).latest().run()


def packages_to_remove(profile, keep_rhsm=False):
    """The source's removal list: remove_packages, plus rhsm_packages unless --keep-rhsm."""
    return list(profile.remove_packages) + ([] if keep_rhsm else list(profile.rhsm_packages))


def culprits(collateral, candidates):
    """Names of the `candidates` (packages we chose to remove) that a collaterally removed
    package requires: removing them is what takes it along (cockpit with a plugin it needs)."""
    def names(reldeps):  # "rhc = 0.2.4-5.el9" provides what "rhc" or "rhc >= 0.2" requires
        return set(str(r).split(" ")[0] for r in reldeps)

    needed = set(n for p in collateral for n in names(p.requires))
    return sorted(set(c.name for c in candidates if needed & names(c.provides)))


def collateral_removals(transaction, intended):
    """Installed packages the resolved transaction erases although nothing asked for it and
    no package of the same name replaces them."""
    import dnf.transaction as T

    replaced = set(p.name for p in transaction.install_set)
    return [item.pkg for item in transaction
            if item.action == T.PKG_REMOVE and item.pkg.name not in intended
            and item.pkg.name not in replaced]


MODULES_DIR = "/etc/dnf/modules.d"


def enabled_module_streams(root):
    """{module: stream} of every enabled module in the root's /etc/dnf/modules.d."""
    from configparser import ConfigParser

    streams = {}
    for name in root.listdir(MODULES_DIR):
        if not name.endswith(".module"):
            continue
        parser = ConfigParser()
        try:
            parser.read_string(root.read_text("%s/%s" % (MODULES_DIR, name)))
        except Exception:  # a broken state file is dnf's to report, not ours
            continue
        for section in parser.sections():
            if parser.get(section, "state", fallback="") == "enabled":
                streams[section] = parser.get(section, "stream", fallback="")
    return streams


def remap_module_streams(base, root, mapping):
    """EL8 vendor streams (Oracle's `ol8`) have no AlmaLinux build: switch each such module to
    the mapped stream (`rhel8`), so its packages distro-sync to AlmaLinux's. Enable, not reset
    then enable: libdnf refuses a second stream change of one module in one session. The new
    state is written to modules.d by the transaction itself. Returns [(module, old, new)]."""
    changed = [(m, s, mapping[s]) for m, s in sorted(enabled_module_streams(root).items())
               if s in mapping]
    if changed:
        from dnf.module.module_base import ModuleBase

        ModuleBase(base).enable(["%s:%s" % (m, new) for m, _, new in changed])
    return changed


def apply_excludes(base, excluded):
    """Keep the excluded installed packages exactly as they are: no target build of those
    names is visible (as dnf's exclude= hides them) and the installed ones are protected, so
    a transaction that would need to change or erase them fails naming them."""
    if not excluded:
        return
    names = sorted(excluded)
    base.sack.add_excludes(base.sack.query().available().filterm(name=names))
    base.conf.protected_packages = list(base.conf.protected_packages) + names


def mark_conversion(base, facts, source, target, trusted_keyids, keep_rhsm=False, keep=(), excluded=()):
    """Put every part of the conversion into dnf's goal; return the names swapped."""
    streams = remap_module_streams(base, Root(base.conf.installroot), source.profile.module_streams)
    hold_foreign(base, facts, source, target, trusted_keyids)
    query = base.sack.query()
    installed = query.installed()
    available = query.available()
    arch = source.arch
    release_from = [n for n in source.profile.release_packages if installed.filter(name=n)
                    and n not in excluded]
    release_to = []
    for name in target.profile.release_packages:
        candidates = _latest(available, name, arch)
        if not candidates:
            raise ResolveProblem("missing", "the target repositories have no %s" % name)
        base.package_install(candidates[0])
        release_to.append(name)
    for name in release_from:
        for package in installed.filter(name=name):
            base.package_remove(package)
    swaps = [{"kind": "release", "from": release_from, "to": release_to}]
    for name in packages_to_remove(source.profile, keep_rhsm):  # one by one, only when installed
        for package in installed.filter(name=name):
            if name in excluded:
                continue
            if name in keep:
                swaps.append({"kind": "kept", "from": [name], "to": [name]})
                continue
            base.package_remove(package)
    mark_conflicts(base, installed, known_conflicts(source.profile, target.profile))
    for name in source.profile.ensure_installed:
        if not installed.filter(name=name):
            candidates = _latest(available, name, arch)
            if candidates:
                base.package_install(candidates[0])
    for module, old, new in streams:
        swaps.append({"kind": "module_stream", "from": ["%s:%s" % (module, old)],
                      "to": ["%s:%s" % (module, new)]})
    for old, new in sorted(source.profile.branding.items()):
        if old not in excluded:
            swaps += swap_package(base, installed, available, old, new, arch)
    base.distro_sync()
    mark_kernel(base, installed, available, source, target, arch)
    keyids = dict((p.dbid, p.keyid) for p in facts.packages)
    erased = remove_duplicates(base, installed, keyids, trusted_keyids)
    for package in installed:
        if (keyids.get(package.rpmdbid) in trusted_keyids or package.rpmdbid in erased
                or package.name in excluded):
            continue
        newest = available.filter(name=package.name, arch=package.arch).latest().run()
        if newest and newest[0].evr == package.evr:
            base.package_reinstall(newest[0])
    return swaps


def hold_foreign(base, facts, source, target, trusted_keyids):
    """Hide the target's copies of the profile's keep_foreign packages a host has from a
    third vendor (foreign.py): nothing in the transaction can replace them then."""
    own = set(source.profile.vendors) | set(target.profile.vendors)
    held = foreign_kept(facts.packages, set(target.profile.keep_foreign), own, trusted_keyids)
    if held:
        log.info("keeping %s as installed: not the source's or AlmaLinux's build", ", ".join(held))
        base.sack.add_excludes(base.sack.query().available().filter(name=held))


def swap_package(base, installed, available, old, new, arch):
    """Mark one profile swap (old -> new); returns its plan entries. When the mirror has no
    `new` and the host has none either, `old` stays and the swap is `unavailable` (the
    SWAP_TARGET_MISSING finding): never a swap to nothing."""
    if not installed.filter(name=old):
        return []
    have_new = bool(installed.filter(name=new))
    candidates = [] if have_new else _latest(available, new, arch)
    if not candidates and not have_new:
        return [{"kind": "unavailable", "from": [old], "to": [new]}]
    for package in installed.filter(name=old):
        base.package_remove(package)
    if candidates:
        base.package_install(candidates[0])
    return [{"kind": "branding", "from": [old], "to": [new]}]


def remove_duplicates(base, installed, keyids, trusted_keyids):
    """Two copies of one package (same name and arch) are what a transaction killed half-way
    leaves: keep the trusted-signed, newest copy and erase the others, so resuming ends exactly
    where an uninterrupted run does. Install-only packages (kernels, decided by provides as dnf
    does) are meant to repeat: only two records of one NEVRA count there. Returns the rpmdb
    record numbers of the install-only copies erased: those must not be reinstalled as well
    (dnf would install that NEVRA a second time), while for an ordinary package the reinstall
    is what lets the erase and the distro-sync agree."""
    installonly = installonly_ids(base, installed)
    erased = set()
    for copies in duplicate_groups(installed.duplicated(), lambda p: p.rpmdbid in installonly):
        copies.sort(key=lambda p: (keyids.get(p.rpmdbid) in trusted_keyids, p), reverse=True)
        for extra in copies[1:]:
            log.info("erasing duplicate %s (rpmdb record %d)", extra, extra.rpmdbid)
            base.package_remove(extra)
            if extra.rpmdbid in installonly:
                erased.add(extra.rpmdbid)
    return erased


def mark_kernel(base, installed, available, source, target, arch):
    """A host with a kernel gets AlmaLinux's newest, also when it had only UEK or a Stream
    kernel newer than AlmaLinux's (distro-sync leaves those); foreign kernels stay installed
    as the fallback (installonly_limit 0) and the running one is protected by dnf."""
    name = target.profile.kernel_install
    kernels = set(target.profile.kernel_packages) | set(source.profile.kernel_packages) | {"kernel"}
    if not name or not any(installed.filter(name=n) for n in sorted(kernels)):
        return  # a container or a minimal image: no boot path to give a kernel to
    candidates = _latest(available, name, arch)
    if candidates and not installed.filter(name=name, evr=candidates[0].evr, arch=candidates[0].arch):
        base.package_install(candidates[0])


def resolve(base):
    """dnf's resolve() with its checks, as the what-if (migrate.plan.whatif): no history items."""
    import dnf.exceptions

    try:
        return solve(base, allow_erasing=True)
    except dnf.exceptions.DepsolveError as exc:
        raise ResolveProblem("unsolvable", str(exc))


def describe_transaction(base, transaction, facts, source, swaps, trusted_keyids, repos, excluded=()):
    """The resolved transaction (a migrate.plan.whatif.WhatIf) as the plan document."""
    import dnf.transaction as T

    CHANGES = (T.PKG_UPGRADE, T.PKG_DOWNGRADE, T.PKG_REINSTALL, T.PKG_INSTALL, T.PKG_REMOVE,
               T.PKG_OBSOLETED)
    plan = empty_plan()
    plan["swapped"] = swaps
    plan["repos"] = repos
    before = {}
    for package in base.sack.query().installed():
        before.setdefault((package.name, package.arch), package.evr)
    touched = set()
    for item in transaction:
        if item.action not in CHANGES:
            continue  # reason changes and the "-ed" halves of pairs carry no package of their own
        package = item.pkg
        nevra = "%s-%s.%s" % (package.name, package.evr, package.arch)
        key = (package.name, package.arch)
        entry = {"name": package.name, "from": before.get(key), "to": package.evr, "arch": package.arch}
        if item.action == T.PKG_UPGRADE:
            plan["upgraded"].append(entry)
        elif item.action == T.PKG_DOWNGRADE:
            plan["downgraded"].append(entry)
        elif item.action == T.PKG_REINSTALL:
            plan["reinstalled"].append({"name": package.name, "nevra": nevra})
        elif item.action == T.PKG_INSTALL:
            plan["installed"].append({"name": package.name, "nevra": nevra})
        else:
            plan["removed"].append({"name": package.name, "nevra": nevra})
        touched.add(package.name)
    install_set = transaction.install_set
    plan["download_size"] = sum(p.downloadsize or 0 for p in install_set)
    # what the installed files grow and shrink by: the INSUFFICIENT_DISK_SPACE check's input
    plan["install_size"] = sum(p.installsize or 0 for p in install_set)
    plan["remove_size"] = sum(p.installsize or 0 for p in transaction.remove_set)
    vendors = source.profile.vendors if source.profile else []
    kept = source.profile.kept_packages if source.profile else []
    for package in facts.packages:
        if package.name in touched or package.keyid in trusted_keyids:
            continue
        plan["left_alone"].append(leftover_entry(package, classify_leftover(package, vendors, kept, excluded)))
    for key in ("upgraded", "downgraded", "reinstalled", "installed", "removed"):
        plan[key].sort(key=lambda e: e["name"])
    return plan


def target_kernel_builds(transaction, target):
    """(release of the AlmaLinux kernel the transaction installs, e.g. '5.14.0-427.el9.x86_64',
    or None; module names the installed packages provide as kmod(NAME.ko)): what the
    KERNEL_MODULES_MISSING check compares the loaded out-of-tree modules with."""
    names = set([target.profile.kernel_install or "kernel", "kernel", "kernel-core"])
    release, kmods = None, set()
    for package in transaction.install_set:
        if package.name in names and release is None:
            release = "%s-%s.%s" % (package.version, package.release, package.arch)
        for provide in package.provides:
            text = str(provide)
            if text.startswith("kmod(") and ".ko)" in text:
                kmods.add(text[len("kmod("):text.index(".ko)")].replace("-", "_"))
    return release, sorted(kmods)


def plan_conversion(base, facts, source, target, trusted_keyids, repo_ids, net=None,
                    keep_rhsm=False, excluded=None):
    """Load, mark and resolve; returns (plan, packages to download). excluded: {name: reason}
    of installed packages kept out of the sync (migrate.plan.excludes)."""
    excluded = excluded or {}
    repos = load_repos(base, target, repo_ids, source.arch, net)
    apply_excludes(base, excluded)
    removable = set(source.profile.release_packages) | set(packages_to_remove(source.profile, keep_rhsm))
    conflicts = known_conflicts(source.profile, target.profile)
    intended = removable | set(source.profile.branding) | set(conflicts)
    keep = set()
    while True:  # a removal that would take an unrelated package along is dropped, then again
        swaps = mark_conversion(base, facts, source, target, trusted_keyids, keep_rhsm, keep, excluded)
        transaction = resolve(base)
        installed = base.sack.query().installed()
        candidates = [p for p in installed if p.name in removable and p.name not in keep
                      and p.name not in source.profile.release_packages]
        more = set(culprits(collateral_removals(transaction, intended), candidates)) - keep
        if not more:
            break
        log.info("keeping %s: removing it would take other packages along", ", ".join(sorted(more)))
        keep |= more
        base.reset(goal=True)
    plan = annotate_removed(describe_transaction(base, transaction, facts, source, swaps, trusted_keyids,
                                                 repos, excluded), conflicts)
    plan["target_kernel"], plan["kmods"] = target_kernel_builds(transaction, target)
    if excluded:
        plan["excluded"] = [{"name": n, "by": why} for n, why in sorted(excluded.items())]
    marks = list(source.profile.release_suffixes) + list(target.profile.release_suffixes)
    plan["downgraded"], plan["lateral"] = split_downgrades(plan["downgraded"], marks)
    return plan, list(transaction.install_set)

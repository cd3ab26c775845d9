"""Installed packages whose requirements no installed package satisfies (`dnf check`'s
"missing requires"), from the rpmdb in one libsolv pass, without a subprocess.

The fast path is one solver verify over the installed set (a millisecond at 2,000 packages);
only when it fails are the broken packages' own requirements looked at one by one, the way
`dnf check` does: rpmlib() requirements skipped, Requires(post) and friends that rpm ignores
once a package is installed skipped, file requirements answered by the rpmdb's file lists, and
rich dependencies, `(a or b)`, answered by the solver. The only module of facts/ that imports
dnf; it reads the rpmdb, writes nothing (dnf's cache and log go to a temporary directory)."""
import logging
import shutil
import tempfile

from migrate.facts.model import BrokenDependency

log = logging.getLogger(__name__)


def _unsatisfied(sack, installed, package):
    """The requirements of `package` that nothing installed provides."""
    import dnf.goal
    import dnf.selector

    wanted = set(package.regular_requires) | (set(package.requires_pre) - set(package.prereq_ignoreinst))
    missing = []
    for requirement in sorted(wanted, key=str):
        text = str(requirement)
        if text.startswith("rpmlib(") or installed.filter(provides=requirement):
            continue
        if text.startswith("("):  # a rich dependency: only the solver can say (dnf check does so)
            selector = dnf.selector.Selector(sack)
            selector.set(provides=text)
            goal = dnf.goal.Goal(sack)
            goal.install(select=selector, optional=False)
            if goal.run():
                continue
        missing.append(text)
    return missing


def find_broken(sack):
    """BrokenDependency records of an installed-only sack; () when everything is satisfied."""
    import hawkey

    goal = hawkey.Goal(sack)
    if goal.run(verify=True):
        return ()
    installed = sack.query().installed()
    broken = []
    for package in sorted(goal.problem_broken_dependency(available=False), key=str):
        for requirement in _unsatisfied(sack, installed, package):
            broken.append(BrokenDependency(str(package), requirement))
    if not broken:  # conflicts between installed packages, or something only libsolv can say
        for rules in goal.problem_rules():
            broken.extend(BrokenDependency("", rule) for rule in rules if rule.startswith("package"))
    return tuple(broken)


def collect_broken_dependencies(root, arch):
    """None when the bindings are missing or dnf cannot read the rpmdb: no finding then."""
    workdir = tempfile.mkdtemp(prefix="almalinux-migrate-deps.")
    try:
        base = root.dnf_base(workdir, "0", arch)  # releasever: only installed packages here
        try:
            base.fill_sack(load_system_repo=True, load_available_repos=False)
            return find_broken(base.sack)
        finally:
            base.close()
    except ImportError as exc:
        log.debug("no dependency check: %s", exc)
        return None
    except Exception:  # a damaged rpmdb is RPMDB_UNREADABLE's finding, not a crash here
        log.debug("the dependency check failed", exc_info=True)
        return None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

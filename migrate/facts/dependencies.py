"""Installed packages whose requirements no installed package satisfies (`dnf check`'s
"missing requires"), from the rpmdb in one libsolv pass, without a subprocess.

The fast path is one solver verify over the installed set (a millisecond at 2,000 packages);
only when it fails are the broken packages' own requirements looked at one by one, the way
`dnf check` does: rpmlib() requirements skipped, Requires(post) and friends that rpm ignores
once a package is installed skipped, file requirements answered by the rpmdb's file lists, and
rich dependencies, `(a or b)`, evaluated term by term. The only module of facts/ that imports
dnf and hawkey; it reads the rpmdb, writes nothing (dnf's cache and log go to a temporary directory)."""
import logging
import shutil
import tempfile

from migrate.facts.model import BrokenDependency

log = logging.getLogger(__name__)


COMPARISONS = ("<", "<=", "=", "==", ">=", ">")


def split_rich(text):
    """'(a >= 2 or (b and c))' -> ['a >= 2', 'or', '(b and c)']: the top level of a rich dependency."""
    inner, words, depth, current = text.strip()[1:-1], [], 0, ""
    for char in inner:
        depth += (char == "(") - (char == ")")
        if char == " " and depth == 0:
            if current:
                words.append(current)
            current = ""
            continue
        current += char
    words += [current] if current else []
    parts = []
    for word in words:  # "a", ">=", "2" are one versioned term
        if parts and (word in COMPARISONS or parts[-1].endswith(COMPARISONS)) and not parts[-1].startswith("("):
            parts[-1] += " " + word
        else:
            parts.append(word)
    return parts


def rich_satisfied(text, provided):
    """Whether rich dependency `text` holds, `provided(simple dep)` answering for the leaves.
    and/or/if/unless (with else) as rpm defines them for Requires; with/without as and/and not
    (one package providing both is not checked: close enough for a finding)."""
    if not text.startswith("("):
        return provided(text)
    parts = split_rich(text)
    terms, ops = parts[0::2], parts[1::2]
    value = lambda term: rich_satisfied(term, provided)  # noqa: E731
    if not ops:
        return value(terms[0])
    op = ops[0]
    if op in ("or",):
        return any(value(t) for t in terms)
    if op in ("and", "with"):
        return all(value(t) for t in terms)
    if op == "without":
        return value(terms[0]) and not value(terms[1])
    if op in ("if", "unless"):
        condition = value(terms[1]) if op == "if" else not value(terms[1])
        if condition:
            return value(terms[0])
        return value(terms[2]) if len(terms) > 2 else True
    return provided(text)  # an operator this rpm does not know: ask libsolv


def _unsatisfied(sack, installed, package):
    """The requirements of `package` that nothing installed provides."""
    import hawkey

    def provided(dep):
        try:
            return bool(installed.filter(provides=hawkey.Reldep(sack, dep)))
        except Exception:  # a dependency string hawkey cannot parse: not ours to judge
            return True

    wanted = set(package.regular_requires) | (set(package.requires_pre) - set(package.prereq_ignoreinst))
    missing = []
    for requirement in sorted(wanted, key=str):
        text = str(requirement)
        if text.startswith("rpmlib("):
            continue
        if text.startswith("(") and rich_satisfied(text, provided):
            continue
        if not text.startswith("(") and installed.filter(provides=requirement):
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
        rules = sorted(set(rule for rules in goal.problem_rules() for rule in rules))
        broken = [BrokenDependency("", rule) for rule in rules]
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

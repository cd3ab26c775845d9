"""Installed packages whose requirements nothing installed provides (`dnf check`: the
rpmdb's health): what `rpm -e --nodeps`, `rpm -i --nodeps` or an interrupted transaction leaves.

A blocker, because the conversion cannot be predicted honestly over such an rpmdb: the what-if
and the conversion's distro-sync run with erasing allowed, so the solver either plans around
the broken package silently (erases it, or leaves it broken) or pulls in whatever the target
has that happens to satisfy it; either way the admin did not choose it, and the converted host
keeps a hole no later `dnf` command will accept quietly. Overridable, because the admin may
know the package was installed without its dependencies on purpose (a vendor agent installed
with --nodeps) and accept that the plan shows what becomes of it."""
from migrate.checks.base import BLOCKER, Check, Problem, summarize


class BrokenDependencies(Check):
    id = "BROKEN_DEPENDENCIES"
    conversion_only = True
    severity = BLOCKER
    overridable = True
    requires = ("RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE",)
    title = "Some installed packages have requirements no installed package provides"
    remediation = ("Run `dnf check`, then install what is missing (`dnf install 'REQUIREMENT'`) or "
                   "remove the broken package; or --allow BROKEN_DEPENDENCIES after reading the plan.")

    def evaluate(self, facts, given):
        if not facts.broken_dependencies:
            return None
        lines = sorted(set("%s requires %s" % (b.package, b.requirement) if b.package else b.requirement
                           for b in facts.broken_dependencies))
        return Problem(summarize(lines), data={"dependencies": [
            {"package": b.package, "requires": b.requirement} for b in facts.broken_dependencies]})

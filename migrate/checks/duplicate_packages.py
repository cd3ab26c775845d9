"""Two versions of one package (name and arch) in the rpmdb are the trace of an interrupted
transaction; dnf refuses to plan around them or removes the wrong one
(convert2rhel DUPLICATE_PACKAGES; almalinux-deploy #14). Install-only packages such as
kernels (decided by provides, as dnf decides: migrate/plan/installonly.py) are meant to come
in several versions: there only two records of one NEVRA count. Not overridable: dnf's
transaction for such an rpmdb has items with no package attached, and the what-if cannot
describe it."""
from migrate.checks.base import BLOCKER, Check, Problem, summarize
from migrate.plan.installonly import duplicate_groups


class DuplicatePackages(Check):
    id = "DUPLICATE_PACKAGES"
    conversion_only = True
    severity = BLOCKER
    requires = ("RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE",)
    title = "Some packages are installed in more than one version"
    remediation = ("Finish or clean up the interrupted transaction: `dnf remove --duplicates` "
                   "(or `package-cleanup --cleandupes`), then `dnf check`.")

    def evaluate(self, facts, given):
        groups = duplicate_groups(facts.packages, lambda p: p.installonly)
        duplicates = sorted(p.nevra for copies in groups for p in copies)
        if duplicates:
            return Problem(summarize(duplicates), data={"packages": duplicates})
        return None

"""`--target 9.9` on a mirror that has no 9.9: the mirror answers (the key came), but the
version's BaseOS is not there. Saying "mirror unreachable" would send the operator to check the
network; the version is what is wrong."""
from migrate.checks.base import BLOCKER, TARGET, Check, Problem


class TargetVersionMissing(Check):
    id = "TARGET_VERSION_MISSING"
    severity = BLOCKER
    phase = TARGET
    title = "The mirror does not carry the requested AlmaLinux version"
    remediation = ("Omit --target for the latest minor of the same major, or give a version the "
                   "mirror carries (older minors are on https://vault.almalinux.org/ as --mirror).")

    def evaluate(self, facts, given):
        problem = given.resolve_problem
        if problem is not None and problem.kind == "version_missing":
            return Problem(problem.message)
        return None

"""Everything that needs the network happens before the point of no return; an unreachable
mirror must stop the run there, with the URL that failed."""
from migrate.checks.base import BLOCKER, TARGET, Check, Problem


class MirrorUnreachable(Check):
    id = "MIRROR_UNREACHABLE"
    severity = BLOCKER
    phase = TARGET
    title = "The AlmaLinux mirror cannot be reached"
    remediation = ("Check the network, --mirror, --proxy and --ca-cert (try: curl -I URL); for an internal "
                   "mirror give --mirror URL laid out like repo.almalinux.org/almalinux.")

    def evaluate(self, facts, given):
        if given.key is not None and given.key.error and not given.key.fetched:
            return Problem(given.key.error)
        problem = given.resolve_problem
        if problem is not None and problem.kind == "metadata":
            return Problem(problem.message)
        return None

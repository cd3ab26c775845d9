"""Under --root, rpm and dnf open some paths themselves (the rpmdb, dnf's persistdir and module
state) and follow links as this machine sees them: one that leads out of the root would read or
write this machine's files. The tool's own paths are resolved inside the root instead."""
from migrate.checks.base import BLOCKER, Check, Problem
from migrate.findings import command_finding


class RootPathEscapes(Check):
    id = "ROOT_PATH_ESCAPES"
    severity = BLOCKER
    title = "A path rpm or dnf would open leads out of the root"
    remediation = ("Replace the symbolic link named in the detail with a directory, or a link that "
                   "stays inside the root (a relative one), and run preflight again.")

    def evaluate(self, facts, given):
        if facts.escaping_paths:
            return Problem("; ".join("%s leads to %s" % (path, host) for path, host in facts.escaping_paths)
                           + ": rpm and dnf would follow it out of the root",
                           data={"paths": [{"path": p, "leads_to": h} for p, h in facts.escaping_paths]})
        return None


def escape_finding(facts):
    """The ROOT_PATH_ESCAPES finding for commands outside preflight (verify, resume, rollback),
    or None: they read the rpmdb too."""
    check = RootPathEscapes()
    problem = check.evaluate(facts, None)
    if problem is None:
        return None
    return command_finding(check.id, check.title, problem.detail, check.remediation)

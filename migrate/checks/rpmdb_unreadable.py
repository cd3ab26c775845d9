"""Everything the conversion decides comes from the rpmdb; if it cannot be read, nothing can
be planned (a damaged database, or one in a format this rpm cannot open)."""
from migrate.checks.base import BLOCKER, Check, Problem


class RpmdbUnreadable(Check):
    id = "RPMDB_UNREADABLE"
    severity = BLOCKER
    requires = ("RPM_BINDINGS_MISSING",)
    title = "The rpm database cannot be read"
    remediation = ("Run `rpm --rebuilddb` (after a backup of /var/lib/rpm) and check "
                   "`rpm -qa` works, then run preflight again.")

    def evaluate(self, facts, given):
        if facts.rpmdb_error:
            return Problem(facts.rpmdb_error)
        return None

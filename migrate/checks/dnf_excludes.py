"""exclude= in dnf.conf hides packages from every dnf command on the host, but not from the
conversion's own configuration: excluded packages are synced too. After the conversion the
exclude stays and can keep those packages from ever being updated from AlmaLinux."""
from migrate.checks.base import WARNING, Check, Problem


class DnfExcludes(Check):
    id = "DNF_EXCLUDES"
    conversion_only = True
    severity = WARNING
    title = "dnf.conf excludes packages"
    remediation = ("The conversion syncs excluded packages too; to keep them as they are, pass the "
                   "same patterns as --exclude. Check the exclude= line in /etc/dnf/dnf.conf still "
                   "makes sense for AlmaLinux afterwards.")

    def evaluate(self, facts, given):
        excludes = facts.dnf_config.excludes
        if excludes:
            return Problem("exclude=%s" % ",".join(excludes), data={"excludes": list(excludes)})
        return None

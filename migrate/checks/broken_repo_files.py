"""A repo file dnf cannot parse makes every later dnf command on the host fail."""
from migrate.checks.base import WARNING, Check, Problem


class BrokenRepoFiles(Check):
    id = "BROKEN_REPO_FILES"
    severity = WARNING
    title = "Some repository files cannot be parsed"
    remediation = "Fix or remove the named files in /etc/yum.repos.d; the conversion does not read them."

    def evaluate(self, facts, given):
        if facts.repo_errors:
            return Problem("; ".join(facts.repo_errors))
        return None

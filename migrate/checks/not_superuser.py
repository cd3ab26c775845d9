"""Converting the live host installs packages and writes /etc: only root can."""
from migrate.checks.base import BLOCKER, Check, Problem


class NotSuperuser(Check):
    id = "NOT_SUPERUSER"
    severity = BLOCKER
    needs_live = True
    title = "The tool is not running as root"
    remediation = "Run it again as root, e.g. with sudo."

    def evaluate(self, facts, given):
        if facts.is_superuser is False:
            return Problem("The effective user ID is not 0.")
        return None

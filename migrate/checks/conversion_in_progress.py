"""Starting over an interrupted conversion would lose its journal and its backups."""
from migrate.checks.base import BLOCKER, Check, Problem
from migrate.layout import STATE_DIR


class ConversionInProgress(Check):
    id = "CONVERSION_IN_PROGRESS"
    severity = BLOCKER
    title = "A previous conversion has not finished"
    remediation = ("Run `almalinux-migrate resume` to finish it, or `almalinux-migrate rollback` "
                   "if it stopped before the point of no return; `status` shows where it is.")

    def evaluate(self, facts, given):
        if facts.conversion_in_progress:
            return Problem("The journal under %s records an unfinished run." % STATE_DIR)
        return None

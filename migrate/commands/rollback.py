"""rollback: undo a conversion that stopped before the point of no return."""
from migrate.checks.base import BLOCKER
from migrate.commands.execute import restore_context
from migrate.commands.reporting import report_for
from migrate.commands.resume import NO_CONVERSION
from migrate.errors import EXIT_BLOCKED, EXIT_OK, EXIT_ROLLED_BACK
from migrate.journal import Journal, Lock
from migrate.steps import conversion_steps
from migrate.steps.engine import undo_steps

PAST_POINT_OF_NO_RETURN = {
    "id": "PAST_POINT_OF_NO_RETURN",
    "severity": BLOCKER,
    "title": "The conversion passed the point of no return",
    "detail": "Packages were already replaced; undoing that is not possible.",
    "remediation": "Run `almalinux-migrate resume` to finish the conversion.",
    "overridable": False,
    "overridden": False,
}


def run(ctx):
    with Lock(ctx.root):
        journal = Journal.load(ctx.root)
        if journal is None or journal.data["state"] not in ("running", "failed"):
            return report_for(ctx, "rollback", "blocked", [NO_CONVERSION], EXIT_BLOCKED, journal=journal)
        restore_context(ctx, journal)
        if journal.data["point_of_no_return_passed"]:
            return report_for(ctx, "rollback", "blocked", [PAST_POINT_OF_NO_RETURN], EXIT_BLOCKED,
                              journal=journal)
        failures = undo_steps(ctx, conversion_steps(), journal)
        journal.finish("rolled_back")
        if failures:
            return report_for(ctx, "rollback", "failed", [], EXIT_ROLLED_BACK, journal=journal,
                              message="Some undo actions failed: " + "; ".join(failures))
        return report_for(ctx, "rollback", "rolled_back", [], EXIT_OK, journal=journal,
                          message="Every change was undone.")

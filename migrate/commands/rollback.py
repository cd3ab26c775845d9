"""rollback: undo a conversion that stopped before the point of no return."""
from migrate.checks.root_path_escapes import escape_finding
from migrate.commands.execute import restore_context, unfinished_journal
from migrate.commands.journal_keys import journal_keys_findings, recorded_trust
from migrate.commands.reporting import report_for
from migrate.findings import INFO, raised_finding
from migrate.interrupts import UNDOING
from migrate.journal import Lock
from migrate.statuses import Status
from migrate.steps import conversion_phases
from migrate.steps.engine import undo_steps


def run(ctx):
    with Lock(ctx.root):
        journal, refusal = unfinished_journal(ctx, "rollback")
        if refusal is not None:
            return refusal
        ignored = journal_keys_findings(recorded_trust(ctx, journal).ignored, INFO)
        restore_context(ctx, journal, need_key=False)
        escape = escape_finding(ctx.facts)
        if escape is not None:
            return report_for(ctx, "rollback", Status.BLOCKED, [escape], journal=journal)
        if journal.data["point_of_no_return_passed"]:
            finding = raised_finding("PAST_POINT_OF_NO_RETURN",
                                     "Packages were already replaced; undoing that is not possible.")
            return report_for(ctx, "rollback", Status.BLOCKED, ignored + [finding], journal=journal)
        ctx.interrupts.phase = UNDOING  # a signal now waits for the undo to finish
        failures = undo_steps(ctx, conversion_phases(), journal)
        if failures:
            journal.finish("rollback_incomplete")
            return report_for(ctx, "rollback", Status.ROLLBACK_INCOMPLETE, ignored, journal=journal,
                              message="Undoing did not finish; left: %s. Fix that, "
                              "then run `almalinux-migrate rollback` again." % "; ".join(failures))
        journal.finish("rolled_back")
        return report_for(ctx, "rollback", Status.ROLLED_BACK, ignored, journal=journal,
                          message="Every change was undone.")

"""convert: preflight, confirmation, then the steps under a journal."""
from migrate.commands.assess import assess
from migrate.commands.execute import execute, start_journal
from migrate.commands.reporting import report_for
from migrate.errors import EXIT_OK
from migrate.journal import Lock


def run(ctx, confirm):
    """`confirm(report)` asks the person at the terminal; it is not called with --yes."""
    with Lock(ctx.root):
        assessment = assess(ctx)
        if assessment.status != "ready":
            return report_for(ctx, "convert", assessment.status, assessment.findings,
                              exit_code=assessment.exit_code)
        if not ctx.options.assume_yes:
            preview, _ = report_for(ctx, "convert", "ready", assessment.findings, exit_code=EXIT_OK)
            if not confirm(preview):
                return report_for(ctx, "convert", "ready", assessment.findings, exit_code=EXIT_OK,
                                  message="Not confirmed: nothing was changed.")
        journal = start_journal(ctx)
        return execute(ctx, journal, "convert", assessment.findings)

"""convert: preflight, confirmation, then the steps under a journal."""
from migrate.commands.assess import assess
from migrate.commands.execute import execute, start_journal
from migrate.commands.reporting import report_for
from migrate.errors import EXIT_BLOCKED, EXIT_OK
from migrate.findings import raised_finding
from migrate.hooks import run_hooks
from migrate.journal import Lock


def run(ctx, confirm):
    """`confirm(report)` asks the person at the terminal; it is not called with --yes."""
    with Lock(ctx.root):
        assessment = assess(ctx)
        if assessment.status != "ready":
            return report_for(ctx, "convert", assessment.status, assessment.findings,
                              exit_code=assessment.exit_code, skipped=assessment.skipped)
        if not ctx.options.assume_yes:
            preview, _ = report_for(ctx, "convert", "ready", assessment.findings, exit_code=EXIT_OK)
            if not confirm(preview):
                return report_for(ctx, "convert", "ready", assessment.findings, exit_code=EXIT_OK,
                                  message="Not confirmed: nothing was changed.")
        failed = run_hooks(ctx.root, ctx.runner, "pre-convert")
        if failed:
            finding = raised_finding(
                "PRE_CONVERT_HOOK_FAILED", "; ".join("%s exited %d%s" % (path, code, (": " + why) if why else "")
                                                     for path, code, why in failed))
            return report_for(ctx, "convert", "blocked", assessment.findings + [finding], EXIT_BLOCKED)
        journal = start_journal(ctx)
        return execute(ctx, journal, "convert", assessment.findings)

"""convert: preflight, confirmation, then the steps under a journal."""
from migrate.commands.assess import assess
from migrate.commands.execute import execute, start_journal
from migrate.commands.reporting import report_for
from migrate.findings import raised_finding
from migrate.hooks import run_hooks
from migrate.journal import Lock
from migrate.statuses import Status


def run(ctx, confirm):
    """`confirm(report)` asks the person at the terminal; it is not called with --yes."""
    with Lock(ctx.root):
        assessment = assess(ctx)
        if assessment.status != Status.READY:
            return report_for(ctx, "convert", assessment.status, assessment.findings,
                              skipped=assessment.skipped)
        if not ctx.options.assume_yes:
            preview, _ = report_for(ctx, "convert", Status.READY, assessment.findings)
            if not confirm(preview):
                return report_for(ctx, "convert", Status.READY, assessment.findings,
                                  message="Not confirmed: nothing was changed.")
        failed = run_hooks(ctx.root, ctx.runner, "pre-convert")
        if failed:
            finding = raised_finding(
                "PRE_CONVERT_HOOK_FAILED", "; ".join("%s exited %d%s" % (path, code, (": " + why) if why else "")
                                                     for path, code, why in failed))
            return report_for(ctx, "convert", Status.BLOCKED, assessment.findings + [finding])
        journal = start_journal(ctx)
        return execute(ctx, journal, "convert", assessment.findings)

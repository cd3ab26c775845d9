"""preflight: inspect and plan; changes nothing but the tool's own state, log and report."""
from migrate.commands.assess import assess
from migrate.commands.reporting import report_for
from migrate.journal import Lock


def run(ctx):
    with Lock(ctx.root):
        assessment = assess(ctx)
    return report_for(ctx, "preflight", assessment.status, assessment.findings,
                      skipped=assessment.skipped)

"""Build the report document from a command's context: one place for every command."""
from migrate import journal as J
from migrate.report.document import build_report, empty_source, empty_target
from migrate.statuses import exit_code


def steps_from_journal(journal):
    if journal is None:
        return []
    return [{"id": s["id"], "outcome": s["state"], "started": s["started"],
             "finished": s["finished"], "detail": s["detail"] or None}
            for s in journal.data["steps"]]


def report_for(ctx, command, status, findings, journal=None, leftovers=(), message=None,
               skipped=(), config_files=None):
    """(report, exit code): the code is the one table's (migrate.statuses) for command and status."""
    code = exit_code(command, status)
    source = ctx.source.as_report() if ctx.source is not None else empty_source()
    target = ctx.target.as_report() if ctx.target is not None else empty_target()
    started = journal.data["started"] if journal is not None else None
    return build_report(command, status, source, target, findings, plan=ctx.plan,
                        steps=steps_from_journal(journal), leftovers=leftovers,
                        exit_code=code, message=message, started=started, skipped=skipped,
                        finished=J.now(), root_path=ctx.root.path,
                        run_id=getattr(ctx, "run_id", None), hostname=getattr(ctx, "hostname", None),
                        config_files=config_files if config_files is not None else
                        (journal.data.get("config_files") or [] if journal is not None else [])), code


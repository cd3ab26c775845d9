"""resume: continue an unfinished conversion from its journal, with the journal's options."""
import logging

from migrate.commands.execute import execute, restore_context, unfinished_journal
from migrate.commands.journal_keys import journal_keys_findings, recorded_trust
from migrate.checks.root_path_escapes import escape_finding
from migrate.commands.reporting import report_for
from migrate.facts.pm_locks import clear_stale_dnf_locks, collect_lock_holders
from migrate.findings import BLOCKER, command_finding
from migrate.journal import Lock
from migrate.statuses import Status
from migrate.transaction.history import clean_stale_scratch

log = logging.getLogger(__name__)


def run(ctx):
    with Lock(ctx.root):
        journal, refusal = unfinished_journal(ctx, "resume")
        if refusal is not None:
            return refusal
        ignored = journal_keys_findings(recorded_trust(ctx, journal).ignored, BLOCKER)
        if ignored:  # an image's journal naming its own keys: nothing of this run happens
            return report_for(ctx, "resume", Status.BLOCKED, ignored, journal=journal)
        holders = collect_lock_holders(ctx.root)
        if holders:  # never wait on another package manager, never write beside it
            finding = command_finding(
                "PACKAGE_MANAGER_RUNNING", "Another package manager holds the rpm or dnf lock",
                ", ".join(holders), "Let it finish, then run `almalinux-migrate resume` again.")
            return report_for(ctx, "resume", Status.BLOCKED, [finding], journal=journal)
        if journal.data["point_of_no_return_passed"]:  # a killed transaction leaves dnf's
            for path in clear_stale_dnf_locks(ctx.root):
                log.info("removed the stale lock file %s", path)
        clean_stale_scratch(ctx.workdir, ctx.root.is_live)  # the killed run's dnf history copy
        restore_context(ctx, journal)
        escape = escape_finding(ctx.facts)
        if escape is not None:
            return report_for(ctx, "resume", Status.BLOCKED, [escape], journal=journal)
        journal.data["state"] = "running"
        journal.save()
        return execute(ctx, journal, "resume", [])

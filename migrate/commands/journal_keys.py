"""The keys a run's journal names that are neither pinned nor configured, for `resume` (which
stops on them) and `rollback` (which goes on): under --root the journal is the image's,
untrusted input, so they never count (migrate.trust.journal_trust) and the report names them
with JOURNAL_KEYS_IGNORED, the check `verify` runs."""
from migrate.checks.journal_keys_ignored import JournalKeysIgnored, journal_keys_problem
from migrate.findings import command_finding
from migrate.trust import journal_trust


def recorded_trust(ctx, journal):
    """journal_trust for this run. Call it while ctx.options are still the operator's (the
    command line and --config), before restore_context replaces them with the journal's."""
    target = journal.data["target"]
    return journal_trust(target.get("trusted_fingerprints"), ctx.profiles.target_for(target.get("major")),
                         ctx.options, ctx.root.is_live)


def journal_keys_findings(ignored, severity):
    """[] or the one JOURNAL_KEYS_IGNORED finding naming `ignored` (fingerprints)."""
    problem = journal_keys_problem(ignored)
    if problem is None:
        return []
    check = JournalKeysIgnored
    finding = command_finding(check.id, check.title, problem.detail, check.remediation, severity=severity)
    finding["data"] = problem.data
    return [finding]

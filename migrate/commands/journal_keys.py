"""The keys a run's journal names that are neither pinned nor configured: under --root the
journal is the image's, untrusted input, so they never count (migrate.trust.journal_trust) and
the report names them. `resume` stops on them; `rollback` and `verify` go on without them."""
from migrate.checks.base import command_finding
from migrate.layout import STATE_DIR
from migrate.trust import journal_trust


def recorded_trust(ctx, journal):
    """journal_trust for this run. Call it while ctx.options are still the operator's (the
    command line and --config), before restore_context replaces them with the journal's."""
    target = journal.data["target"]
    return journal_trust(target.get("trusted_fingerprints"), ctx.profiles.target_for(target.get("major")),
                         ctx.options, ctx.root.is_live)


def journal_keys_findings(ignored, severity):
    """[] or the one JOURNAL_KEYS_IGNORED finding naming `ignored` (fingerprints)."""
    if not ignored:
        return []
    finding = command_finding(
        "JOURNAL_KEYS_IGNORED", "The run's journal names signing keys that are neither pinned nor "
        "configured; they are not trusted",
        "The journal in the root's %s trusts %s. Under --root the journal belongs to the image: "
        "it never adds keys." % (STATE_DIR, ", ".join(ignored)),
        "If the conversion was started with these keys in trust.extra_fingerprints, give the same "
        "--config again; otherwise the image's journal was altered: packages signed by these keys "
        "are never installed nor counted as AlmaLinux's.", severity=severity)
    finding["data"] = {"fingerprints": list(ignored)}
    return [finding]

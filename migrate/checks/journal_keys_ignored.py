"""The run's journal names signing keys that are neither pinned nor configured. Under --root the
journal is the image's own file, untrusted input: it never adds a key (design: the image's
files "never add keys"), so those keys are left out (migrate.trust.journal_trust) and named
here. `verify` goes on without them (packages they signed are not AlmaLinux's); `resume` and
`rollback` raise the same ID themselves (migrate.commands.journal_keys)."""
from migrate.checks.base import VERIFY, WARNING, Check, Problem
from migrate.layout import STATE_DIR


def journal_keys_problem(ignored):
    """The Problem naming `ignored` (fingerprints), or None."""
    if not ignored:
        return None
    return Problem("The journal in the root's %s trusts %s. Under --root the journal belongs to the "
                   "image: it never adds keys." % (STATE_DIR, ", ".join(ignored)),
                   data={"fingerprints": list(ignored)})


class JournalKeysIgnored(Check):
    id = "JOURNAL_KEYS_IGNORED"
    severity = WARNING
    severity_doc = "warning (`resume`: blocker; `rollback`: info)"
    title = "The run's journal names signing keys that are neither pinned nor configured; they are not trusted"
    remediation = ("If the conversion was started with these keys in trust.extra_fingerprints, give the same "
                   "--config again; otherwise the image's journal was altered: packages signed by these "
                   "keys are never installed nor counted as AlmaLinux's.")
    phase = VERIFY
    requires = ("NOT_ALMALINUX",)

    def unavailable(self, facts, given):
        return None if given.verify_keys is not None else "the trusted keys are not known yet"

    def evaluate(self, facts, given):
        return journal_keys_problem(given.verify_keys.ignored)

"""Which keys a run's journal may bring back (the operator's options, read before the journal's),
and the finding that names the others."""
from migrate.commands.journal_keys import journal_keys_findings, recorded_trust
from migrate.journal import Journal
from migrate.root import Root
from tests.factories import profiles
from tests.kit import LiveRoot, make_ctx

ALMA9 = "BF18AC2876178908D6E71267D36CB86CB86B3716"
ROGUE = "0123456789ABCDEF0123456789ABCDEF01234567"
OPERATORS = "89ABCDEF0123456789ABCDEF0123456789ABCDEF"


def _recorded(root, fingerprints, **options):
    ctx = make_ctx(root, **options)
    ctx.profiles = profiles()
    journal = Journal.start(root, "run-1", {}, {}, {"major": 9, "trusted_fingerprints": fingerprints}, [])
    return recorded_trust(ctx, journal)


def test_under_root_the_journal_keeps_what_the_operator_configures_now(tmp_path):
    recorded = _recorded(Root(str(tmp_path)), [ALMA9, OPERATORS, ROGUE], extra_fingerprints=(OPERATORS,))
    assert recorded.trust.fingerprints == frozenset([ALMA9, OPERATORS])
    assert recorded.ignored == (ROGUE,)


def test_on_the_live_host_the_journal_is_trusted(tmp_path):
    recorded = _recorded(LiveRoot(str(tmp_path)), [ALMA9, ROGUE])
    assert (recorded.trust.fingerprints, recorded.ignored) == (frozenset([ALMA9, ROGUE]), ())


def test_the_finding_names_each_ignored_key_with_the_severity_asked_for():
    assert journal_keys_findings((), "blocker") == []
    finding, = journal_keys_findings((ROGUE,), "info")
    assert (finding["id"], finding["severity"], finding["data"]) == ("JOURNAL_KEYS_IGNORED", "info",
                                                                     {"fingerprints": [ROGUE]})
    assert ROGUE in finding["detail"] and "/var/lib/almalinux-migrate" in finding["detail"]

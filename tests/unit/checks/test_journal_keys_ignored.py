"""`verify` names the keys an image's journal trusts that nobody pinned or configured."""
from migrate.checks import VERIFY_CHECKS
from migrate.verify.trusted_keys import VerifyKeys
from tests.factories import make_facts
from tests.kit import check_findings
from tests.unit.checks.test_not_almalinux import ALMA9

ROGUE = "0123456789ABCDEF0123456789ABCDEF01234567"


def _verify(ignored):
    return check_findings(VERIFY_CHECKS, make_facts(os_release=ALMA9), verify_keys=VerifyKeys((), (), ignored))


def test_the_journals_other_keys_are_a_warning_with_their_fingerprints():
    finding = _verify((ROGUE,))["JOURNAL_KEYS_IGNORED"]
    assert (finding["severity"], finding["data"]) == ("warning", {"fingerprints": [ROGUE]})
    assert ROGUE in finding["detail"]


def test_nothing_ignored_is_no_finding():
    assert "JOURNAL_KEYS_IGNORED" not in _verify(())

"""UNTRUSTED_KEYS_IN_RPMDB: `verify` names the rpmdb's keys nobody pinned or configured."""
from migrate.checks import VERIFY_CHECKS
from migrate.checks.base import CheckInput, run_checks
from migrate.facts.model import RpmdbKey
from migrate.verify.trusted_keys import VerifyKeys
from tests.factories import make_facts, situation
from tests.unit.checks.test_not_almalinux import ALMA9


def _findings(untrusted):
    facts, source, target, options = situation(make_facts(os_release=ALMA9))
    given = CheckInput(source, target, options, verify_keys=VerifyKeys((), tuple(untrusted)))
    return run_checks(VERIFY_CHECKS, facts, given, ())


def test_each_untrusted_key_is_named_with_its_user_id():
    keys = [RpmdbKey("gpg-pubkey-3228467c-613798eb", "gpg(EPEL (9) <epel@fedoraproject.org>)", ""),
            RpmdbKey("gpg-pubkey-00000001-00000001", "", "")]
    assert _findings(keys) == [{
        "id": "UNTRUSTED_KEYS_IN_RPMDB", "severity": "info",
        "title": "The rpmdb holds signing keys that are not trusted AlmaLinux keys",
        "detail": "rpm accepts packages signed by: gpg-pubkey-3228467c-613798eb "
                  "(gpg(EPEL (9) <epel@fedoraproject.org>)); gpg-pubkey-00000001-00000001 (no user ID).",
        "remediation": "Keep the keys of repositories you use on purpose (EPEL, your own); remove any "
                       "other with `rpm -e gpg-pubkey-VERSION-RELEASE`.",
        "overridable": False, "overridden": False,
        "data": {"keys": ["gpg-pubkey-3228467c-613798eb", "gpg-pubkey-00000001-00000001"]}}]


def test_no_untrusted_key_no_finding():
    assert _findings([]) == []


def test_not_run_before_the_keys_are_known():
    facts, source, target, options = situation(make_facts(os_release=ALMA9))
    skipped = []
    assert run_checks(VERIFY_CHECKS, facts, CheckInput(source, target, options), (), skipped=skipped) == []
    assert skipped == [{"id": check_id, "reason": "the trusted keys are not known yet"}
                       for check_id in ("UNTRUSTED_KEYS_IN_RPMDB", "JOURNAL_KEYS_IGNORED")]

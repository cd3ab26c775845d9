from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER
from migrate.network.mirror import KeyProbe
from migrate.trust import TrustedKey
from tests.kit import MIRROR_KEY, check_findings


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_unknown_key_fingerprint_blocks():
    key = KeyProbe("http://m/k", None, "text", ("0" * 40,), ())
    findings = _run(key=key)
    assert findings["TARGET_KEY_UNTRUSTED"]["data"] == {"fingerprints": ["0" * 40]}


def test_html_instead_of_a_key_is_an_untrusted_key_not_an_unreachable_mirror():
    key = KeyProbe("http://m/k", "http://m/k is not an OpenPGP public key: no PGP PUBLIC KEY BLOCK found",
                   "", (), ())
    findings = _run(key=key)
    assert "MIRROR_UNREACHABLE" not in findings
    assert findings["TARGET_KEY_UNTRUSTED"]["severity"] == BLOCKER


def test_only_an_expired_trusted_key_blocks_and_says_so():
    expired = TrustedKey("5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8", 1705059214, False, "AlmaLinux", b"", ())
    key = KeyProbe("http://m/k", None, "", (expired.fingerprint,), (), (), (expired,))
    findings = _run(key=key)
    assert "expired or revoked: 5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8" in findings["TARGET_KEY_UNTRUSTED"]["detail"]

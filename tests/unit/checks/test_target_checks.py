from migrate.checks import TARGET_CHECKS
from migrate.checks.base import BLOCKER, CheckInput, run_checks
from migrate.network.mirror import KeyProbe
from migrate.plan.model import empty_plan
from migrate.plan.resolve import ResolveProblem
from migrate.keys import PublicKey
from migrate.trust import IgnoredKey, TrustedKey
from tests.factories import situation

TRUSTED = PublicKey("BF18AC2876178908D6E71267D36CB86CB86B3716", ())
GOOD_KEY = KeyProbe("http://m/RPM-GPG-KEY-AlmaLinux-9", None, "text", (TRUSTED.fingerprint,), (TRUSTED,))


def _run(key=GOOD_KEY, plan=None, problem=None, **options):
    facts, source, target, opts = situation(**options)
    given = CheckInput(source, target, opts, key=key, plan=plan, resolve_problem=problem)
    return dict((f["id"], f) for f in run_checks(TARGET_CHECKS, facts, given, set()))


def test_unreachable_mirror_blocks_and_hides_later_checks():
    key = KeyProbe("http://m/k", "cannot download http://m/k: refused", "", (), (), fetched=False)
    findings = _run(key=key)
    assert findings["MIRROR_UNREACHABLE"]["severity"] == BLOCKER
    assert "TARGET_KEY_UNTRUSTED" not in findings and "TRANSACTION_UNSOLVABLE" not in findings


def test_unknown_key_fingerprint_blocks():
    key = KeyProbe("http://m/k", None, "text", ("0" * 40,), ())
    findings = _run(key=key)
    assert findings["TARGET_KEY_UNTRUSTED"]["data"] == {"fingerprints": ["0" * 40]}


def test_unsolvable_transaction_blocks():
    findings = _run(problem=ResolveProblem("unsolvable", "nothing provides libfoo"))
    assert "libfoo" in findings["TRANSACTION_UNSOLVABLE"]["detail"]


def test_metadata_problem_is_the_mirror_check():
    findings = _run(problem=ResolveProblem("metadata", "repomd.xml 404"))
    assert "MIRROR_UNREACHABLE" in findings and "TRANSACTION_UNSOLVABLE" not in findings


def test_downgrades_block_without_the_option_and_inform_with_it():
    plan = empty_plan()
    plan["downgraded"] = [{"name": "openssl-libs", "from": "1:3.0.7-27.el9", "to": "1:3.0.7-24.el9"}]
    assert _run(plan=plan)["DOWNGRADE_REQUIRED"]["severity"] == BLOCKER
    assert _run(plan=plan, downgrade=True)["DOWNGRADE_REQUIRED"]["severity"] == "info"


def test_leftovers_are_announced():
    plan = empty_plan()
    plan["left_alone"] = [{"name": "rocky-only-tool", "nevra": "x", "vendor": "Rocky", "reason": "no_counterpart"}]
    assert _run(plan=plan)["LEFTOVER_PACKAGES"]["data"] == {"count": 1}


def test_lateral_moves_need_no_downgrade_option():
    plan = empty_plan()
    plan["lateral"] = [{"name": "ima-evm-utils", "from": "1.5-3.el9.rocky.0.1", "to": "1.5-3.el9"}]
    assert "DOWNGRADE_REQUIRED" not in _run(plan=plan)


def test_a_swap_with_nothing_to_swap_in_blocks_until_allowed():
    plan = empty_plan()
    plan["swapped"] = [{"kind": "unavailable", "from": ["oracle-epel-release-el8"], "to": ["epel-release"]}]
    finding = _run(plan=plan)["SWAP_TARGET_MISSING"]
    assert finding["severity"] == BLOCKER and finding["overridable"]
    assert finding["data"] == {"packages": ["epel-release"]}
    plan["swapped"][0]["kind"] = "branding"
    assert "SWAP_TARGET_MISSING" not in _run(plan=plan)


def test_html_instead_of_a_key_is_an_untrusted_key_not_an_unreachable_mirror():
    key = KeyProbe("http://m/k", "http://m/k is not an OpenPGP public key: no PGP PUBLIC KEY BLOCK found",
                   "", (), ())
    findings = _run(key=key)
    assert "MIRROR_UNREACHABLE" not in findings
    assert findings["TARGET_KEY_UNTRUSTED"]["severity"] == BLOCKER


def test_other_keys_in_the_file_are_named_in_an_info_finding():
    other = IgnoredKey("21CB256AE16FC54C6E652949702D426D350D275D", "Rocky <releng@rockylinux.org>")
    findings = _run(key=GOOD_KEY._replace(ignored=(other,)))
    assert findings["MIRROR_KEYS_IGNORED"]["severity"] == "info"
    assert findings["MIRROR_KEYS_IGNORED"]["data"] == {"fingerprints": [other.fingerprint]}
    assert "MIRROR_KEYS_IGNORED" not in _run()


def test_only_an_expired_trusted_key_blocks_and_says_so():
    expired = TrustedKey("5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8", 1705059214, False, "AlmaLinux", b"", ())
    key = KeyProbe("http://m/k", None, "", (expired.fingerprint,), (), (), (expired,))
    findings = _run(key=key)
    assert "expired or revoked: 5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8" in findings["TARGET_KEY_UNTRUSTED"]["detail"]


def test_missing_target_version_is_its_own_finding_not_the_mirror():
    findings = _run(problem=ResolveProblem("version_missing", "AlmaLinux 9.9 is not on the mirror m"))
    assert findings["TARGET_VERSION_MISSING"]["severity"] == BLOCKER
    assert "9.9" in findings["TARGET_VERSION_MISSING"]["detail"]
    assert "MIRROR_UNREACHABLE" not in findings and "TRANSACTION_UNSOLVABLE" not in findings

from migrate.checks import TARGET_CHECKS
from migrate.trust import IgnoredKey
from tests.kit import MIRROR_KEY, check_findings

GOOD_KEY = MIRROR_KEY


def _run(key=MIRROR_KEY, plan=None, problem=None, **options):
    return check_findings(TARGET_CHECKS, key=key, plan=plan, resolve_problem=problem, **options)


def test_other_keys_in_the_file_are_named_in_an_info_finding():
    other = IgnoredKey("21CB256AE16FC54C6E652949702D426D350D275D", "Rocky <releng@rockylinux.org>")
    findings = _run(key=GOOD_KEY._replace(ignored=(other,)))
    assert findings["MIRROR_KEYS_IGNORED"]["severity"] == "info"
    assert findings["MIRROR_KEYS_IGNORED"]["data"] == {"fingerprints": [other.fingerprint]}
    assert "MIRROR_KEYS_IGNORED" not in _run()

from migrate.checks import HOST_CHECKS
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_cross_major_target_is_refused():
    assert "UNSUPPORTED_TARGET" in _run(target="8")
    assert "UNSUPPORTED_TARGET" not in _run(target="9.4")

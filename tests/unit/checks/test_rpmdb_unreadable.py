from migrate.checks import HOST_CHECKS
from tests.factories import make_facts
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_unreadable_rpmdb_blocks_and_skips_the_arch_check():
    findings = _run(make_facts(rpmdb_error="rpm.error: cannot open Packages", packages=(), arch=""))
    assert "cannot open" in findings["RPMDB_UNREADABLE"]["detail"]
    assert "UNSUPPORTED_ARCH" not in findings

from migrate.checks import HOST_CHECKS
from tests.factories import make_facts
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_foreign_architecture_is_refused():
    findings = _run(make_facts(arch="riscv64"))
    assert "riscv64" in findings["UNSUPPORTED_ARCH"]["detail"]

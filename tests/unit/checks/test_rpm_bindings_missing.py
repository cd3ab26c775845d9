from migrate.checks import HOST_CHECKS
from migrate.checks.base import CheckInput, run_checks
from tests.factories import make_facts, situation


def _findings(facts):
    facts, source, target, options = situation(facts)
    given = CheckInput(source, target, options)
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, given, set()))


def test_wrong_interpreter_names_the_el9_one_and_hides_rpmdb_advice():
    facts = make_facts(packages=(), rpmdb_error="the rpm Python bindings are missing (No module named 'rpm')",
                       rpm_bindings_missing="/opt/py/bin/python3.11")
    findings = _findings(facts)
    detail = findings["RPM_BINDINGS_MISSING"]["detail"]
    assert "/opt/py/bin/python3.11" in detail and "/usr/bin/python3" in detail
    assert "RPMDB_UNREADABLE" not in findings


def test_wrong_interpreter_on_el8_names_platform_python():
    base = make_facts()
    osr = base.os_release._replace(version_id="8.10")
    facts = make_facts(packages=(), os_release=osr, rpmdb_error="the rpm Python bindings are missing (x)",
                       rpm_bindings_missing="/usr/bin/python3.11")
    assert "/usr/libexec/platform-python" in _findings(facts)["RPM_BINDINGS_MISSING"]["detail"]


def test_bindings_present_no_finding():
    assert "RPM_BINDINGS_MISSING" not in _findings(make_facts())

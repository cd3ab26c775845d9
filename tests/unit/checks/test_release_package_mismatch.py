from migrate.checks import HOST_CHECKS
from tests.factories import make_facts
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_release_package_of_another_distribution_warns():
    findings = _run(make_facts(release_packages=("almalinux-release",)))
    assert findings["RELEASE_PACKAGE_MISMATCH"]["severity"] == "warning"
    assert "RELEASE_PACKAGE_MISMATCH" not in _run(make_facts(release_packages=("rocky-release",)))

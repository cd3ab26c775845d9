from migrate.checks import HOST_CHECKS
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_dkms_modules_warn():
    assert "zfs/2.1.15" in _host(make_facts(dkms_modules=("zfs/2.1.15",)))["DKMS_MODULES"]["detail"]

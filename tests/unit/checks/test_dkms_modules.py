from migrate.checks import HOST_CHECKS
from migrate.checks.dkms_modules import dkms_names
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_dkms_modules_warn():
    assert "zfs/2.1.15" in _host(make_facts(dkms_modules=("zfs/2.1.15",)))["DKMS_MODULES"]["detail"]


def test_dkms_names_are_module_names_as_the_kernel_spells_them():
    assert dkms_names(("nvidia-drm/535.104.05", "zfs/2.1.15")) == {"nvidia_drm", "zfs"}
    assert dkms_names(None) == set()

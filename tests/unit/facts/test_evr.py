from migrate.facts.evr import evr_key, vercmp
from tests.factories import package


def test_rpm_version_order():
    assert vercmp("5.14.0", "5.14.0") == 0
    assert vercmp("427.13.1.el9_4", "427.el9") == 1
    assert vercmp("1.0~rc1", "1.0") == -1 and vercmp("1.0", "1.0~rc1") == 1
    assert vercmp("1.0^git1", "1.0") == 1 and vercmp("1.0^git1", "1.0.1") == -1
    assert vercmp("1.a", "1.1") == -1 and vercmp("010", "9") == 1
    older = package("kernel-core", "5.14.0", "362.24.1.el9_3")
    newer = package("kernel-core", "5.14.0", "427.13.1.el9_4")
    assert max([newer, older], key=evr_key) is newer and evr_key(older) < evr_key(newer)

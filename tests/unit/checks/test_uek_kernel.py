from migrate.checks import HOST_CHECKS
from tests.factories import base_packages, make_facts, package
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_running_uek_is_named():
    uek = package("kernel-uek-core", "5.15.0", "200.131.27.el9uek", vendor="Oracle America")
    facts = make_facts(running_kernel="5.15.0-200.131.27.el9uek.x86_64", packages=base_packages(uek))
    finding = _host(facts)["UEK_KERNEL"]
    assert "running kernel is UEK" in finding["detail"]
    assert finding["data"]["packages"] == ["kernel-uek-core-5.15.0-200.131.27.el9uek.x86_64"]

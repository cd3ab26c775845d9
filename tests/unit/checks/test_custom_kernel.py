"""The CUSTOM_KERNEL check."""
from migrate.checks import HOST_CHECKS
from tests.factories import base_packages, kernel, make_facts, package
from tests.kit import check_findings

KERNEL_9_4 = "5.14.0-427.13.1.el9_4.x86_64"


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_kernel_nobody_packaged_is_custom():
    facts = make_facts(running_kernel="6.8.9-custom", packages=base_packages(kernel("427.13.1.el9_4")))
    findings = _host(facts)
    assert "6.8.9-custom" in findings["CUSTOM_KERNEL"]["detail"]
    assert "RUNNING_KERNEL_NOT_NEWEST" not in findings


def test_elrepo_kernel_is_custom():
    ml = package("kernel-ml", "6.9.1", "1.el9.elrepo", vendor="The ELRepo Project (http://elrepo.org)")
    facts = make_facts(running_kernel="6.9.1-1.el9.elrepo.x86_64", packages=base_packages(ml, kernel("427.13.1.el9_4")))
    assert _host(facts)["CUSTOM_KERNEL"]["data"]["vendor"].startswith("The ELRepo Project")


def test_almalinux_kernel_on_the_source_is_not_custom():
    alma = kernel("427.13.1.el9_4", vendor="AlmaLinux")
    assert "CUSTOM_KERNEL" not in _host(make_facts(running_kernel=KERNEL_9_4, packages=base_packages(alma)))

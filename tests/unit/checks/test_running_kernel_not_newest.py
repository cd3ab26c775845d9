"""The RUNNING_KERNEL_NOT_NEWEST check."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import WARNING
from tests.factories import base_packages, kernel, make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_older_running_kernel_warns():
    facts = make_facts(running_kernel="5.14.0-362.24.1.el9_3.x86_64",
                       packages=base_packages(kernel("362.24.1.el9_3"), kernel("427.13.1.el9_4")))
    finding = _host(facts)["RUNNING_KERNEL_NOT_NEWEST"]
    assert finding["severity"] == WARNING
    assert finding["data"]["newest"] == "kernel-core-5.14.0-427.13.1.el9_4.x86_64"


def test_debug_variant_is_matched_to_its_own_package():
    from migrate.checks.kernels import running_kernel_package

    facts = make_facts(running_kernel="5.14.0-427.el9.x86_64+debug",
                       packages=base_packages(kernel("427.el9"), kernel("427.el9", name="kernel-debug-core")))
    assert running_kernel_package(facts).name == "kernel-debug-core"
    assert running_kernel_package(facts._replace(running_kernel="5.14.0-427.el9.x86_64")).name == "kernel-core"

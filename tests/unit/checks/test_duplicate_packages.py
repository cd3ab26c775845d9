from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from tests.factories import base_packages, kernel, make_facts, package
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_duplicates_block_but_kernels_do_not_count():
    facts = make_facts(packages=base_packages(package("zlib", "1.2.11", "40.el9"), package("zlib", "1.2.11", "41.el9"),
                                              kernel("362.el9"), kernel("427.el9"),
                                              package("glibc", arch="x86_64"), package("glibc", arch="i686")))
    finding = _host(facts)["DUPLICATE_PACKAGES"]
    assert finding["data"]["packages"] == ["zlib-1.2.11-40.el9.x86_64", "zlib-1.2.11-41.el9.x86_64"]
    assert finding["severity"] == BLOCKER and not finding["overridable"]


def test_install_only_is_what_provides_says_not_the_name():
    """kernel-tools is no install-only package (it provides no installonlypkg(kernel)); two
    records of one kernel NEVRA are an interrupted reinstall."""
    facts = make_facts(packages=base_packages(package("kernel-tools", "5.14.0", "362.el9"),
                                              package("kernel-tools", "5.14.0", "427.el9"),
                                              kernel("427.el9"), kernel("427.el9")))
    packages = _host(facts)["DUPLICATE_PACKAGES"]["data"]["packages"]
    assert packages == ["kernel-core-5.14.0-427.el9.x86_64"] * 2 + [
        "kernel-tools-5.14.0-362.el9.x86_64", "kernel-tools-5.14.0-427.el9.x86_64"]

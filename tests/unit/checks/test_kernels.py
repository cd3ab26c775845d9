from migrate.checks.kernels import kernel_packages, newest
from tests.factories import base_packages, kernel, make_facts, package


def test_kernel_packages_are_those_owning_a_vmlinuz():
    owners = (kernel("427.el9"), kernel("427.el9", name="kernel"), kernel("1.el9uek", name="kernel-uek-core"),
              kernel("1.el9.elrepo", name="kernel-ml"), kernel("427.el9", name="kernel-rt-debug-core"))
    others = (package("kernel-devel", "5.14.0", "427.el9"), package("kernel-headers", "5.14.0", "427.el9"),
              package("kernel-modules", "5.14.0", "427.el9"), package("kernel-tools", "5.14.0", "427.el9"))
    facts = make_facts(packages=base_packages(*(owners + others)))
    assert kernel_packages(facts) == list(owners)


def test_newest_compares_versions_not_text():
    older, newer = kernel("9.el9"), kernel("10.el9")  # as text, "9" sorts after "10"
    assert newest([newer, older]) == newer and newest([older, newer]) == newer
    assert newest([]) is None

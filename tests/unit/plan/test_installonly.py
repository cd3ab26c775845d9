from collections import namedtuple

from migrate.plan.foreign import foreign_kept
from migrate.plan.installonly import duplicate_groups

Rec = namedtuple("Rec", "name evr arch dbid")
Pkg = namedtuple("Pkg", "name vendor keyid")


def _installonly(package):
    return package.name.startswith("kernel")  # stands in for dnf's provides query here


def test_several_kernel_versions_are_no_duplicates():
    packages = [Rec("kernel-core", "5.14.0-362.24.1.el9_3", "x86_64", 1),
                Rec("kernel-core", "5.14.0-427.13.1.el9_4", "x86_64", 2),
                Rec("kernel-core", "5.14.0-427.18.1.el9_4", "x86_64", 3)]
    assert duplicate_groups(packages, _installonly) == []


def test_two_records_of_one_kernel_nevra_are_a_duplicate():
    """A reinstall (Rocky's build -> AlmaLinux's of the same NEVRA) cut between its halves."""
    packages = [Rec("kernel-core", "5.14.0-362.24.1.el9_3", "x86_64", 1),
                Rec("kernel-core", "5.14.0-427.18.1.el9_4", "x86_64", 2),
                Rec("kernel-core", "5.14.0-427.18.1.el9_4", "x86_64", 3)]
    assert [[p.dbid for p in g] for g in duplicate_groups(packages, _installonly)] == [[2, 3]]


def test_ordinary_packages_are_duplicates_by_name_and_arch():
    packages = [Rec("zlib", "1.2.11-40.el9", "x86_64", 1), Rec("zlib", "1.2.11-41.el9", "x86_64", 2),
                Rec("zlib", "1.2.11-40.el9", "i686", 3)]
    assert [[p.dbid for p in g] for g in duplicate_groups(packages, _installonly)] == [[1, 2]]


def test_only_a_third_vendors_copy_is_held():
    packages = [Pkg("epel-release", "Fedora Project", "8a3872bf3228467c"),
                Pkg("zlib", "Fedora Project", "8a3872bf3228467c")]
    own = {"Rocky Enterprise Software Foundation", "AlmaLinux"}
    assert foreign_kept(packages, {"epel-release"}, own, {"d36cb86cb86b3716"}) == ["epel-release"]
    rocky = [Pkg("epel-release", "Rocky Enterprise Software Foundation", "702d426d350d275d")]
    assert foreign_kept(rocky, {"epel-release"}, own, set()) == []
    resigned = [Pkg("epel-release", "Fedora Project", "d36cb86cb86b3716")]  # AlmaLinux's key
    assert foreign_kept(resigned, {"epel-release"}, own, {"d36cb86cb86b3716"}) == []

"""A package the target's repos also carry stays the admin's when a third vendor installed it."""
from migrate.plan.foreign import foreign_kept
from tests.factories import ALMA9_KEYID, ROCKY_KEYID, package

EPEL_KEYID = "8a3872bf3228467c"
OWN = ("Rocky Enterprise Software Foundation", "AlmaLinux")


def test_epel_release_from_fedora_is_kept_and_the_sources_own_is_not():
    packages = (package("epel-release", "9", "7.el9", "noarch", vendor="Fedora Project", keyid=EPEL_KEYID),
                package("rocky-release", "9.4", arch="noarch", keyid=ROCKY_KEYID),
                package("nginx", vendor="nginx", keyid="abf5bd827bd9bf62"))
    assert foreign_kept(packages, {"epel-release", "rocky-release"}, OWN, (ALMA9_KEYID,)) == ["epel-release"]


def test_a_third_vendors_mark_signed_by_a_trusted_key_is_not_kept():
    """A package AlmaLinux signed keeps whatever vendor tag it has: it is AlmaLinux's."""
    packages = (package("epel-release", vendor="Fedora Project", keyid=ALMA9_KEYID),)
    assert foreign_kept(packages, {"epel-release"}, OWN, (ALMA9_KEYID,)) == []


def test_each_name_once_and_sorted():
    packages = (package("zz-release", vendor="Z", keyid=None),
                package("epel-release", vendor="Fedora Project", keyid=None),
                package("epel-release", arch="i686", vendor="Fedora Project", keyid=None))
    assert foreign_kept(packages, {"zz-release", "epel-release"}, OWN, ()) == ["epel-release", "zz-release"]

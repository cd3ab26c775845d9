"""The source's removal list is applied one package at a time, and a package whose removal
would take an unrelated installed package along is kept (never cockpit with a plugin)."""
from migrate.plan.resolve import culprits, packages_to_remove
from tests.factories import profiles


class Pkg(object):
    def __init__(self, name, provides=(), requires=()):
        self.name, self.provides, self.requires = name, list(provides), list(requires)


def test_the_removal_that_takes_a_package_along_is_found():
    insights = Pkg("insights-client", provides=["insights-client = 3.2.8-1.el9", "insights-core"])
    rhc = Pkg("rhc", provides=["rhc"])
    taken_along = [Pkg("cockpit-insights", requires=["insights-core", "cockpit"])]
    assert culprits(taken_along, [insights, rhc]) == ["insights-client"]
    assert culprits([], [insights, rhc]) == []


def test_keep_rhsm_keeps_subscription_manager_but_not_insights():
    rhel = [p for p in profiles().sources if p.id == "rhel"][0].for_major(9)
    assert "subscription-manager" in packages_to_remove(rhel)
    kept = packages_to_remove(rhel, keep_rhsm=True)
    assert "subscription-manager" not in kept and "insights-client" in kept


def test_enabled_module_streams_are_read_from_modules_d(tmp_path):
    from migrate.plan.resolve import enabled_module_streams
    from migrate.root import Root

    modules = tmp_path / "etc" / "dnf" / "modules.d"
    modules.mkdir(parents=True)
    (modules / "llvm-toolset.module").write_text(
        "[llvm-toolset]\nname=llvm-toolset\nstream=ol8\nprofiles=common\nstate=enabled\n")
    (modules / "php.module").write_text("[php]\nname=php\nstream=\nprofiles=\nstate=\n")
    (modules / "broken.module").write_text("not an ini file\n")
    assert enabled_module_streams(Root(str(tmp_path))) == {"llvm-toolset": "ol8"}
    assert enabled_module_streams(Root(str(tmp_path / "missing"))) == {}

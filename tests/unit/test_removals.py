"""The source's removal list is applied one package at a time, and a package something else
installed still needs is kept (cockpit is never taken along with a subscription plugin)."""
from migrate.plan.resolve import needed_by_others, packages_to_remove
from tests.factories import profiles


class Pkg(object):
    def __init__(self, name, provides=(), requires=()):
        self.name, self.provides, self.requires = name, list(provides), list(requires)


class Query(object):
    def __init__(self, packages):
        self.packages = packages

    def filter(self, requires):
        return [p for p in self.packages if set(p.requires) & set(requires)]


def test_a_package_another_one_needs_is_kept():
    helper = Pkg("insights-client", provides=["insights-client"])
    installed = Query([helper, Pkg("cockpit-insights", requires=["insights-client"]),
                       Pkg("rhc", requires=["insights-client"])])
    assert needed_by_others(installed, helper, {"insights-client", "rhc"}) == ["cockpit-insights"]
    assert needed_by_others(installed, helper, {"insights-client", "rhc", "cockpit-insights"}) == []


def test_keep_rhsm_keeps_subscription_manager_but_not_insights():
    rhel = [p for p in profiles().sources if p.id == "rhel"][0].for_major(9)
    assert "subscription-manager" in packages_to_remove(rhel)
    kept = packages_to_remove(rhel, keep_rhsm=True)
    assert "subscription-manager" not in kept and "insights-client" in kept

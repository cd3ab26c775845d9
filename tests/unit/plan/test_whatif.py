"""The what-if lists what dnf's `Base._goal2transaction` would, from the goal alone (dnf 4.14's
dnf/base.py and libdnf's `addItem` are the reference; tests/sandbox/test_whatif.py compares
the two on a resolved conversion)."""
import pytest

from migrate.plan.whatif import WhatIf, dnf_transaction, solve

T = pytest.importorskip("dnf.transaction")


class Pkg(object):
    """A hawkey package as the what-if reads it: name, NEVRA string, repo."""

    def __init__(self, nevra, repo="@System"):
        self.nevra, self.reponame = nevra, repo
        self.name = nevra.rsplit("-", 2)[0]

    def __str__(self):
        return self.nevra

    def __repr__(self):
        return self.nevra


class Goal(object):
    """The solved goal's lists (hawkey.Goal's methods of the same names)."""

    def __init__(self, downgrades=(), reinstalls=(), installs=(), upgrades=(), erasures=(),
                 obsoleted=(), by=None):
        self.lists = dict(downgrades=downgrades, reinstalls=reinstalls, installs=installs,
                          upgrades=upgrades, erasures=erasures, obsoleted=obsoleted)
        self.by = by or {}

    def __getattr__(self, name):
        if name.startswith("list_"):
            return lambda: list(self.lists[name[len("list_"):]])
        raise AttributeError(name)

    def obsoleted_by_package(self, pkg):
        return list(self.by.get(pkg, ()))


def listed(whatif):
    return [(i.action, str(i.pkg), i.pkg.reponame) for i in whatif]


def test_items_come_in_dnfs_order_each_new_package_before_what_it_replaces():
    down, down_old = Pkg("ssl-1.0-1.el9.x86_64", "baseos"), Pkg("ssl-1.0-2.el9.x86_64")
    re_new, re_old = Pkg("bash-5.1-2.el9.x86_64", "baseos"), Pkg("bash-5.1-2.el9.x86_64")
    rel_new, rel_old = Pkg("almalinux-release-9.4-1.el9.x86_64", "baseos"), Pkg("centos-release-9.0-1.el9.x86_64")
    up_new, up_old = Pkg("curl-7.76-2.el9.x86_64", "baseos"), Pkg("curl-7.76-1.el9.x86_64")
    gone = Pkg("insights-client-3.2-1.el9.noarch")
    goal = Goal(downgrades=[down], reinstalls=[re_new], installs=[rel_new], upgrades=[up_new],
                erasures=[gone], obsoleted=[rel_old],
                by={down: [down_old], re_new: [re_old], rel_new: [rel_old], up_new: [up_old]})
    whatif = WhatIf(goal, installonly=set())
    assert listed(whatif) == [
        (T.PKG_DOWNGRADE, "ssl-1.0-1.el9.x86_64", "baseos"), (T.PKG_DOWNGRADED, "ssl-1.0-2.el9.x86_64", "@System"),
        (T.PKG_REINSTALL, "bash-5.1-2.el9.x86_64", "baseos"), (T.PKG_REINSTALLED, "bash-5.1-2.el9.x86_64", "@System"),
        (T.PKG_INSTALL, "almalinux-release-9.4-1.el9.x86_64", "baseos"),
        (T.PKG_OBSOLETED, "centos-release-9.0-1.el9.x86_64", "@System"),
        (T.PKG_UPGRADE, "curl-7.76-2.el9.x86_64", "baseos"), (T.PKG_UPGRADED, "curl-7.76-1.el9.x86_64", "@System"),
        (T.PKG_REMOVE, "insights-client-3.2-1.el9.noarch", "@System")]
    assert len(whatif) == 9
    assert whatif.install_set == {down, re_new, rel_new, up_new}
    assert whatif.remove_set == {down_old, re_old, rel_old, up_old, gone}


def test_a_package_obsoleted_twice_is_one_item_in_its_first_place_holding_the_last_package():
    old = Pkg("tools-1.0-1.el9.noarch")
    same_nevra = Pkg("tools-1.0-1.el9.noarch")  # a second rpmdb record of the same NEVRA
    first, second = Pkg("tools-a-2.0-1.el9.noarch", "appstream"), Pkg("tools-b-2.0-1.el9.noarch", "appstream")
    goal = Goal(installs=[first, second], obsoleted=[old, same_nevra],
                by={first: [old], second: [same_nevra]})
    whatif = WhatIf(goal, installonly=set())
    assert listed(whatif) == [(T.PKG_INSTALL, "tools-a-2.0-1.el9.noarch", "appstream"),
                              (T.PKG_OBSOLETED, "tools-1.0-1.el9.noarch", "@System"),
                              (T.PKG_INSTALL, "tools-b-2.0-1.el9.noarch", "appstream")]
    assert list(whatif)[1].pkg is same_nevra


def test_an_install_only_upgrade_installs_beside_the_old_kernel():
    new, old = Pkg("kernel-core-5.14-427.el9.x86_64", "baseos"), Pkg("kernel-core-5.14-362.el9.x86_64")
    whatif = WhatIf(Goal(upgrades=[new], by={new: [old]}), installonly={new})
    assert listed(whatif) == [(T.PKG_INSTALL, "kernel-core-5.14-427.el9.x86_64", "baseos")]
    assert whatif.remove_set == set()


def test_obsoleted_packages_upgraded_on_their_own_are_not_listed_twice():
    up, up_old = Pkg("libfoo-2.0-1.el9.x86_64", "baseos"), Pkg("libfoo-1.0-1.el9.x86_64")
    other = Pkg("libfoo-compat-1.0-1.el9.x86_64")  # obsoleted by the package but upgraded elsewhere
    whatif = WhatIf(Goal(upgrades=[up], obsoleted=[], by={up: [other, up_old]}), installonly=set())
    assert listed(whatif) == [(T.PKG_UPGRADE, "libfoo-2.0-1.el9.x86_64", "baseos"),
                              (T.PKG_UPGRADED, "libfoo-1.0-1.el9.x86_64", "@System")]


def test_an_upgrade_without_a_same_name_package_replaces_the_first_obsoleted():
    new = Pkg("newname-2.0-1.el9.x86_64", "baseos")
    first, second = Pkg("oldname-1.0-1.el9.x86_64"), Pkg("oldname-libs-1.0-1.el9.x86_64")
    whatif = WhatIf(Goal(upgrades=[new], obsoleted=[first, second], by={new: [first, second]}), installonly=set())
    assert listed(whatif) == [(T.PKG_UPGRADE, "newname-2.0-1.el9.x86_64", "baseos"),
                              (T.PKG_UPGRADED, "oldname-1.0-1.el9.x86_64", "@System"),
                              (T.PKG_OBSOLETED, "oldname-libs-1.0-1.el9.x86_64", "@System")]


def test_a_reinstall_replaces_the_record_of_its_own_nevra_first():
    new = Pkg("bash-5.1-2.el9.x86_64", "baseos")
    other, own = Pkg("bash-old-5.0-1.el9.x86_64"), Pkg("bash-5.1-2.el9.x86_64")
    whatif = WhatIf(Goal(reinstalls=[new], by={new: [other, own]}), installonly=set())
    assert [(a, p) for a, p, _ in listed(whatif)] == [
        (T.PKG_REINSTALL, "bash-5.1-2.el9.x86_64"), (T.PKG_REINSTALLED, "bash-5.1-2.el9.x86_64"),
        (T.PKG_OBSOLETED, "bash-old-5.0-1.el9.x86_64")]
    assert list(whatif)[1].pkg is own


class Base(object):
    """What solve() uses of dnf.Base: resolve() calling `self._goal2transaction` as dnf's does."""

    def __init__(self, goal, fail=None):
        self._goal, self._transaction, self.fail, self.resolved = goal, None, fail, []

    def resolve(self, allow_erasing=False):
        self.resolved.append(allow_erasing)
        if self.fail:
            raise self.fail
        self._transaction = self._goal2transaction(self._goal)

    def _goal2transaction(self, goal):
        return ("dnf's transaction of", goal)

    def _get_installonly_query(self):
        return Applied()


class Applied(set):
    def apply(self):
        return self


def test_solve_runs_dnfs_resolve_without_its_history_items_and_restores_the_method():
    base = Base(Goal(erasures=[Pkg("insights-client-3.2-1.el9.noarch")]))
    whatif = solve(base)
    assert base.resolved == [True] and base._transaction is None
    assert listed(whatif) == [(T.PKG_REMOVE, "insights-client-3.2-1.el9.noarch", "@System")]
    assert "_goal2transaction" not in vars(base)
    assert dnf_transaction(base) == ("dnf's transaction of", base._goal)
    assert dnf_transaction(base) is base._transaction  # built once


def test_solve_raises_dnfs_problem_and_restores_the_method():
    exceptions = pytest.importorskip("dnf.exceptions")
    base = Base(Goal(), fail=exceptions.DepsolveError("protected packages: dnf"))
    with pytest.raises(exceptions.DepsolveError, match="protected packages: dnf"):
        solve(base)
    assert "_goal2transaction" not in vars(base)


def test_solve_refuses_a_source_rpm_as_dnfs_resolve_does():
    exceptions = pytest.importorskip("dnf.exceptions")
    source = Pkg("bash-5.1-2.el9.src", "baseos")
    source.arch = "src"
    with pytest.raises(exceptions.Error, match="Will not install a source rpm package"):
        solve(Base(Goal(installs=[source])))

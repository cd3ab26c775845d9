"""The resolved conversion as dnf lists it, read from the solved goal without dnf's history.

`Base.resolve()` solves the goal, then `Base._goal2transaction` turns it into libdnf history
items: quadratic (`swdb_private::Transaction::addItem` compares each new item with every earlier
one) plus one history query per package (`RPMTransaction.get_reason`), 1.85 of 2.55 profiled
seconds of `preflight` at 1,000 packages (docs/performance.md). The what-if only needs the list,
so `solve` runs dnf's own `resolve()` (protected packages and the running kernel, userinstalled
marks for erasing, weak-dependency excludes, the solve, its problem messages, module streams
enabled by the new packages) with `_goal2transaction` stood in by nothing for that one call, and
`WhatIf` lists what `_goal2transaction` would add: in its order, paired and filtered as it pairs
and filters, one item per NEVRA, repo and action as libdnf keeps them. Left out: the reason
changes it records for a same-name package left installed (they change no package). The
conversion builds dnf's own items once, where it runs them (`dnf_transaction`, called by
Context.transaction_base).

APIs, alike in dnf 4.7 (EL8), 4.14 (EL9) and 4.20 (EL10), dnf/base.py: `Base.resolve`, which
calls `self._goal2transaction(goal)` after a successful solve and skips `_rpm_limitations` when
`_transaction` is None; `Base._goal`, `Base._transaction`, `Base._get_installonly_query()`;
dnf/db/group.py `RPMTransaction._rpm_limitations` (reads `install_set` only) and `get_repoid`'s
`_force_swdb_repoid`; dnf/transaction.py `PKG_*`, `FORWARD_ACTIONS`, `BACKWARD_ACTIONS`; hawkey's
Goal `list_downgrades/list_reinstalls/list_installs/list_upgrades/list_erasures/list_obsoleted/
obsoleted_by_package` (the calls `_goal2transaction` makes). libdnf 0.55 (EL8) to 0.73 (EL10),
libdnf/transaction/private/Transaction.cpp `addItem`: an item of the same `RPMItem::toStr()`
(the NEVRA), repo and action is the earlier item; dnf/db/group.py `new` maps it to the package
added last."""
import typing


class Item(typing.NamedTuple):
    """One transaction item: what `RPMTransactionItemWrapper` gives (`action`, `pkg`)."""
    action: int
    pkg: object


def _repoid(pkg):
    return getattr(pkg, "_force_swdb_repoid", None) or pkg.reponame  # RPMTransaction.get_repoid


class WhatIf(object):
    """The items `Base._goal2transaction(goal)` would add for a solved goal; iterates as
    `base.transaction` does, with its `install_set` and `remove_set`."""

    def __init__(self, goal, installonly):
        import dnf.transaction as T

        self._index = {}
        self._items = []
        obsoleted_all = set(goal.list_obsoleted())

        def kept(obs, pkg):  # the others are upgraded or downgraded on their own
            return [o for o in obs if o in obsoleted_all or o.name == pkg.name]

        for pkg in goal.list_downgrades():
            obs = goal.obsoleted_by_package(pkg)
            self._pair(T.PKG_DOWNGRADE, pkg, T.PKG_DOWNGRADED, obs[0], obs[1:])
        for pkg in goal.list_reinstalls():
            obs = goal.obsoleted_by_package(pkg)
            ordered = []  # the same NEVRA first: that one is the reinstalled package
            for other in obs:
                if str(other) == str(pkg):
                    ordered.insert(0, other)
                else:
                    ordered.append(other)
            self._pair(T.PKG_REINSTALL, pkg, T.PKG_REINSTALLED, ordered[0], ordered[1:])
        for pkg in goal.list_installs():
            self._pair(T.PKG_INSTALL, pkg, None, None, kept(goal.obsoleted_by_package(pkg), pkg))
        for pkg in goal.list_upgrades():
            obs = goal.obsoleted_by_package(pkg)
            upgraded = next((o for o in obs if o.name == pkg.name), None)
            if upgraded is None:
                upgraded = obs.pop(0)
            else:
                obs.remove(upgraded)
            if pkg in installonly:  # a new kernel is installed beside the old ones
                self._pair(T.PKG_INSTALL, pkg, None, None, kept(obs, pkg))
            else:
                self._pair(T.PKG_UPGRADE, pkg, T.PKG_UPGRADED, upgraded, kept(obs, pkg))
        for pkg in goal.list_erasures():
            self._add(T.PKG_REMOVE, pkg)

    def _add(self, action, pkg):
        key = (str(pkg), _repoid(pkg), action)
        if key not in self._index:
            self._index[key] = len(self._items)
            self._items.append(None)
        self._items[self._index[key]] = Item(action, pkg)

    def _pair(self, action, pkg, old_action, old, obsoleted):
        import dnf.transaction as T

        self._add(action, pkg)
        if old_action is not None:
            self._add(old_action, old)
        for obs in obsoleted:
            self._add(T.PKG_OBSOLETED, obs)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    @property
    def install_set(self):
        import dnf.transaction as T

        return set(i.pkg for i in self._items if i.action in T.FORWARD_ACTIONS)

    @property
    def remove_set(self):
        import dnf.transaction as T

        return set(i.pkg for i in self._items if i.action in T.BACKWARD_ACTIONS + [T.PKG_REINSTALLED])


def _no_transaction(goal):
    return None


def solve(base, allow_erasing=True):
    """`base.resolve(allow_erasing)` without dnf's history items; returns the WhatIf. Raises
    what resolve() raises: DepsolveError with dnf's own problem text, dnf.exceptions.Error for
    a source rpm in the transaction."""
    import dnf.db.group
    import dnf.exceptions

    base._goal2transaction = _no_transaction  # shadows the method for this one call
    try:
        base.resolve(allow_erasing=allow_erasing)
    finally:
        del base._goal2transaction
    installonly = base._get_installonly_query()
    installonly.apply()
    whatif = WhatIf(base._goal, installonly)
    message = dnf.db.group.RPMTransaction._rpm_limitations(whatif) if len(whatif) else None
    if message:
        raise dnf.exceptions.Error(message)
    return whatif


def dnf_transaction(base):
    """dnf's own transaction of the solved goal (what rpm and dnf's history are given), built
    on first use: `base.transaction` afterwards."""
    if base._transaction is None:
        base._transaction = base._goal2transaction(base._goal)
    return base._transaction

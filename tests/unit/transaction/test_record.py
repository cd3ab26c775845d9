"""dnf's history record of the conversion (migrate/transaction/record.py): begun before the point
of no return only in a scratch copy, ended straight in the root's database or through dnf's own
`end`, and the fallbacks for APIs that differ between rpm/dnf versions."""
import types

from migrate.transaction import record
from tests.unit.transaction.test_runner import T


def test_rpmdb_cookie_falls_back_without_dbcookie_or_an_open_rpmdb():
    class Old(object):  # rpm 4.14 upstream: no dbCookie
        def openDB(self):
            return 0

    class New(Old):
        def dbCookie(self):
            return "abc"

    class Closed(New):
        def openDB(self):
            return 1

    assert record.rpmdb_cookie(Old()) == ""
    assert record.rpmdb_cookie(New()) == "abc"
    assert record.rpmdb_cookie(Closed()) == ""


class History(object):
    def __init__(self):
        self.calls = []

    def beg(self, cookie, using, tsis, cmdline, comment):
        self.calls.append(("beg", cookie, cmdline))
        return 7

    def end(self, cookie):
        self.calls.append(("end", cookie))


class Query(object):
    def installed(self):
        return self

    def filter(self, name):
        return self

    def run(self):
        return []


class Base(object):
    """What the runner reads of a dnf.Base (weak-referenceable, as dnf.Base is)."""

    def __init__(self, persistdir):
        self.conf = types.SimpleNamespace(persistdir=persistdir, history_record_packages=["dnf"])
        self.history = History()
        self.sack = types.SimpleNamespace(query=Query)
        self._ts = types.SimpleNamespace(ts=types.SimpleNamespace(openDB=lambda: 0, dbCookie=lambda: "cookie"))


class PinnedRoot(object):
    def __init__(self, path):
        self.path = path

    def pin_dbpath(self):
        pass

    def handover(self, path):
        return self.path + path

    def join(self, path):
        return self.path + path


def test_history_is_begun_before_the_point_of_no_return_only_in_a_scratch_copy():
    root = PinnedRoot("/root")
    own = Base("/root/var/lib/dnf")
    assert record.begin_history(own, root) is False
    assert own.history.calls == []
    scratch = Base("/dev/shm/almalinux-migrate-history.1.x")
    assert record.begin_history(scratch, root) is True
    assert scratch.history.calls == [("beg", "cookie", record.HISTORY_CMDLINE)]
    assert record._BEGUN.pop(scratch) == 7


def test_history_end_falls_back_to_dnfs_own_when_the_database_is_not_libdnfs(tmp_path, monkeypatch):
    import sqlite3

    root = PinnedRoot(str(tmp_path))
    (tmp_path / "var" / "lib" / "dnf").mkdir(parents=True)
    sqlite3.connect(str(tmp_path / "var" / "lib" / "dnf" / "history.sqlite")).close()  # no tables
    published = []
    monkeypatch.setattr(record, "publish_history", lambda scratch, r: published.append(scratch))
    base = Base("/scratch")
    item = types.SimpleNamespace(_item=types.SimpleNamespace(getId=lambda: 3), state=1)
    record.end_history(base, root, 7, [item], "cookie-end", "/scratch", T)
    assert base.history.calls == [("end", "cookie-end")]
    assert published == ["/scratch"]


def test_item_states_are_keyed_by_the_history_rows_id():
    items = [types.SimpleNamespace(_item=types.SimpleNamespace(getId=lambda i=i: i), state=i % 2 + 1) for i in (4, 5)]
    assert record.item_states(items) == {4: 1, 5: 2}


def test_history_end_goes_straight_to_the_roots_database_when_it_is_libdnfs(tmp_path):
    import sqlite3

    from tests.unit.transaction.test_history import history_db

    root_obj, path, _ = history_db(tmp_path)
    root = PinnedRoot(root_obj.join("/"))
    base = Base("/scratch")
    item = types.SimpleNamespace(_item=types.SimpleNamespace(getId=lambda: 1), state=T.TransactionItemState_DONE)
    record.end_history(base, root, 3, [item], "cookie-end", "/scratch", T)
    assert base.history.calls == []
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT rpmdb_version_end, state FROM trans WHERE id = 3").fetchone() == (
        "cookie-end", T.TransactionState_DONE)
    connection.close()

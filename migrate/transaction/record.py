"""dnf's history record of the conversion, as `Base.do_transaction` keeps it (dnf/base.py
`_run_transaction`): `beg` before rpm's run, each item's state and `end` right after it, and
for a run killed between the two, `resume` ends it.

`beg` runs before the point of no return, in the scratch copy TEST_TRANSACTION moved the
history to (migrate/transaction/history.py); the runner restamps it and publishes the copy when
rpm starts. `end` writes the root's database in one sqlite transaction instead of libdnf's
commit per row; dnf's own `end` is the fallback. dnf APIs, alike in dnf 4.7, 4.14 and 4.20:
`SwdbInterface.beg/end` (dnf/db/history.py), `RPMTransactionItemWrapper._item` and libdnf's
`TransactionItem.getId`, `Base.sack.query`, `conf.history_record_packages`; rpm's
`TransactionSet.dbCookie` (rpm 4.15+, backported to EL8's 4.14.3) with a fallback."""
import logging
import weakref

from migrate.transaction.history import DNF_PERSIST, end_record, open_record, publish_history

log = logging.getLogger(__name__)

HISTORY_CMDLINE = "almalinux-migrate convert"  # what `dnf history` shows for the conversion
# dnf.Base -> its history record begun before the point of no return (begin_history)
_BEGUN = weakref.WeakKeyDictionary()


def rpmdb_cookie(ts):
    """rpm's rpmdb cookie for dnf's history ("" without `dbCookie`, as dnf does when rpm has
    none: dnf/rpm/transaction.py, dnf 4.14)."""
    cookie = getattr(ts, "dbCookie", None)
    if cookie is None:
        return ""
    if ts.openDB() != 0:  # dbCookie does not open the rpmdb lazily
        return ""
    return cookie() or ""


def begin_history(base, root):
    """dnf's `beg` of the conversion's record before the point of no return, in the scratch
    copy `base`'s history was moved to (TEST_TRANSACTION): libdnf inserts each item's rows one
    commit at a time (`swdb_private::Transaction::saveItems`), seconds at 2,000 packages and
    more on a loaded disk. The runner restamps and publishes the record when rpm starts; a run
    that never gets there leaves the root's history untouched. Never into the root's own
    history (a base resolved with it begins its record in the runner). Returns whether begun."""
    if base.conf.persistdir == root.handover(DNF_PERSIST):
        return False
    _BEGUN[base] = begin_record(base, root, HISTORY_CMDLINE)
    return True


def begin_record(base, root, cmdline):
    """dnf's `beg` (dnf/db/history.py `SwdbInterface.beg`) as do_transaction calls it; its id."""
    root.pin_dbpath()
    installed = base.sack.query().installed()
    using = installed.filter(name=list(base.conf.history_record_packages)).run()
    return base.history.beg(rpmdb_cookie(base._ts.ts), using, [], cmdline, "")


def begun_record(base):
    """The record begin_history began for `base` (once), or None."""
    return _BEGUN.pop(base, None)


def item_states(items):
    """{trans_item id: state} of dnf's transaction items: dnf's RPMTransactionItemWrapper holds
    libdnf's TransactionItem as `_item` (dnf/db/history.py, alike in 4.7, 4.14 and 4.20), whose
    `getId()` is its row's id once `beg` saved it."""
    return dict((item._item.getId(), item.state) for item in items)


def end_history(base, root, record, items, cookie, scratch, libdnf_transaction):
    """dnf's `end` of the record in the root's database, one sqlite transaction (history.py
    `end_record`); should that fail (a schema this code does not know), dnf's own `end` and
    the scratch copy published again."""
    import sqlite3

    try:
        end_record(root, record, item_states(items), cookie, libdnf_transaction)
        return
    except (sqlite3.Error, AttributeError) as exc:
        log.warning("dnf history: ending the record directly failed (%s); through dnf", exc)
    base.history.end(cookie)
    if scratch:
        publish_history(scratch, root)


def open_history_record(root, cmdline):
    """The dnf history record `cmdline` began and a killed run left open, or None."""
    import libdnf.transaction

    return open_record(root, cmdline, libdnf.transaction)


def complete_history(base, root, record):
    """End that record (history.py `end_record`, every open item DONE) with the rpmdb's cookie,
    as dnf's `end` takes it right after rpm's run."""
    import libdnf.transaction

    root.pin_dbpath()
    end_record(root, record, None, rpmdb_cookie(base._ts.ts), libdnf.transaction)
    log.info("dnf history: ended the record %d a killed run began", record)



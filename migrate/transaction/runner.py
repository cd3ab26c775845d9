"""Run the resolved conversion's rpm transaction: what dnf's `Base.do_transaction` does for the
host, without what is already done before the point of no return and without dnf's quadratic
bookkeeping.

`do_transaction` (dnf/base.py) checks, orders and test-runs the set again (done before the
point of no return by TEST_TRANSACTION), then runs rpm with `dnf.yum.rpmtrans.RPMTransaction`,
whose `_extract_cbkey` walks every transaction item for every rpm callback, and afterwards
`dnf.util._sync_rpm_trans_with_swdb` searches the items again for each erased element and
`_verify_transaction` reloads the whole rpmdb: quadratic, 81 of 110 profiled seconds at 2,000
packages. Here each element is found by its index (RPMCALLBACK_ELEM_PROGRESS) and each erased
element's history item through one NEVRA index, so the window is rpm's own run plus a linear
pass. What the host keeps from do_transaction, in its order:

- dnf's rpmdb lock (`dnf.lock.build_rpmdb_lock(persistdir, exit_on_lock)`) around it all, and
  rpm's own transaction lock inside `ts.run`;
- EL8 module state saved before rpm runs (`Base._moduleContainer.save()` and
  `.updateFailSafeData()`), so an interrupted run leaves modules.d recoverable;
- the elements exactly as dnf adds them (`RPMTransaction._populate_rpm_ts`): install-only
  packages in install mode ('i', never 'u', which would erase the old kernels), reinstalls by
  `addReinstall`; protected packages were checked by `Base.resolve()`;
- dnf's history: `beg` before the run (begun before the point of no return in a scratch copy,
  restamped and published to the root when rpm starts), each item's state DONE or ERROR from
  its element's `Failed()`, `end` right after it in one sqlite transaction, so `dnf history`
  shows the conversion (migrate/transaction/record.py, history.py);
- the set rpm runs is the one TEST_TRANSACTION filled, ordered and tested (do_transaction too
  runs the set it tested): filled and ordered here only on resume;
- scriptlet, unpack and cpio errors logged and named in the error raised when an element failed.

Every API used is the same in dnf 4.7 (EL8), 4.14 (EL9) and 4.20 (EL10): dnf/base.py
`do_transaction`/`_run_transaction`, dnf/db/group.py `_populate_rpm_ts`, dnf/lock.py,
dnf/util.py `_te_nevra`; and in rpm 4.14 to 4.19's python bindings:
`TransactionSet.order/clean/run/openDB` and its iteration, `te.Key/Failed/N/E/V/R/A` and the
callback constants (lib/rpmcallback.h). The history's are listed in record.py."""
import contextlib
import logging
import os
import signal

from migrate import faults
from migrate.errors import MigrateError
from migrate.rpmlog import rpm_log_fd
from migrate.transaction.history import DNF_PERSIST, copy_module_failsafe, publish_history, restamp_record
from migrate.transaction.record import HISTORY_CMDLINE, begin_record, begun_record, end_history, rpmdb_cookie

log = logging.getLogger(__name__)

# Fault injection for the test suite: SIGKILL ourselves after this many transaction elements,
# in the middle of rpm's transaction, as a power cut would. Never set outside tests.
KILL_AFTER_ITEMS = "ALMALINUX_MIGRATE_TEST_KILL_AFTER_ITEMS"

# History items whose package leaves the rpmdb: rpm's element for them carries no key (dnf
# adds them with `addErase(idx)`), so they are found by NEVRA (dnf/util.py revert_actions).
ERASE_ACTION_NAMES = ("TransactionItemAction_DOWNGRADED", "TransactionItemAction_OBSOLETED",
                      "TransactionItemAction_REMOVE", "TransactionItemAction_UPGRADED",
                      "TransactionItemAction_REINSTALLED")


class TransactionFailed(MigrateError):
    """rpm could not run the transaction, or some of its elements failed."""


@contextlib.contextmanager
def no_guard():
    yield


class Timer(object):
    """Where the window's time goes, in the log (the profile `docs/performance.md` cites)."""

    def __init__(self):
        import time

        self.clock = time.monotonic
        self.last = self.clock()

    def lap(self, what):
        now = self.clock()
        log.info("transaction: %s in %.2f s", what, now - self.last)
        self.last = now


def te_nevra(te):
    """An element's NEVRA as str() of a dnf transaction item spells it (dnf.util._te_nevra)."""
    epoch = te.E()
    prefix = "%s:" % epoch if epoch not in (None, "0", 0) else ""
    return "%s-%s%s-%s.%s" % (te.N(), prefix, te.V(), te.R(), te.A())


class Callback(object):
    """rpm's transaction callback, O(1) per call: the current element is the index rpm gives
    with RPMCALLBACK_ELEM_PROGRESS; an install's key is its dnf transaction item."""

    def __init__(self, rpm, ts, on_element_done, kill_after=0):
        self.rpm = rpm
        self.ts = ts
        self.on_element_done = on_element_done
        self.kill_after = kill_after
        self.elements = []
        self.index = -1
        self.done = 0
        self.handles = {}
        self.errors = []

    def current(self):
        if 0 <= self.index < len(self.elements):
            return te_nevra(self.elements[self.index])
        return "?"

    def __call__(self, what, amount, total, key, data):
        try:
            return self.handle(what, amount, total, key)
        except Exception:  # never into librpm's C caller (dnf/yum/rpmtrans.py `callback` alike)
            log.exception("transaction callback failed (%s for %s)", what, self.current())
            return None

    def handle(self, what, amount, total, key):
        rpm = self.rpm
        if what == rpm.RPMCALLBACK_TRANS_START:
            self.elements = list(self.ts)
        elif what == rpm.RPMCALLBACK_ELEM_PROGRESS:
            self.index = amount
        elif what == rpm.RPMCALLBACK_INST_OPEN_FILE:
            handle = open(key.pkg.localPkg(), "rb")
            self.handles[id(key)] = handle
            return handle.fileno()
        elif what == rpm.RPMCALLBACK_INST_CLOSE_FILE:
            handle = self.handles.pop(id(key), None)
            if handle is not None:
                handle.close()
        elif what in (rpm.RPMCALLBACK_INST_STOP, rpm.RPMCALLBACK_UNINST_STOP):
            self.done += 1
            if self.kill_after and self.done >= self.kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
            self.on_element_done(self.done, len(self.elements), self.current())
        elif what == rpm.RPMCALLBACK_SCRIPT_ERROR:
            # amount: the scriptlet's tag; total: rpm's return code, RPMRC_OK for a scriptlet
            # whose failure rpm ignores (%post and later) -- dnf/yum/rpmtrans.py `_scriptError`
            scriptlet = rpm.tagnames.get(amount, "<unknown>")
            self.error("%s scriptlet of %s failed%s" % (
                scriptlet, self.current(), "" if total == rpm.RPMRC_OK else " (fatal)"))
        elif what == rpm.RPMCALLBACK_UNPACK_ERROR:
            self.error("unpacking %s failed" % self.current())
        elif what == rpm.RPMCALLBACK_CPIO_ERROR:
            self.error("the payload of %s is damaged" % self.current())
        return None

    def error(self, message):
        log.error("rpm: %s", message)
        self.errors.append(message)

    def close(self):
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()


def record_states(elements, items, libdnf_transaction):
    """Set each history item DONE or ERROR from its rpm element; returns the failed NEVRAs.
    Linear: erased elements (no key) are matched through one NEVRA index."""
    T = libdnf_transaction
    unknown = T.TransactionItemState_UNKNOWN
    erase_actions = set(getattr(T, name) for name in ERASE_ACTION_NAMES)
    by_nevra = {}
    for item in items:
        if item.action in erase_actions:
            by_nevra.setdefault(str(item), []).append(item)
    failed = []
    for te in elements:
        item = te.Key()
        if item is None or not hasattr(item, "pkg"):
            candidates = [i for i in by_nevra.get(te_nevra(te), ()) if i.state == unknown]
            if not candidates:
                log.warning("no history item for rpm element %s", te_nevra(te))
                continue
            item = candidates[0]
        if te.Failed():
            item.state = T.TransactionItemState_ERROR
            failed.append(te_nevra(te))
        else:
            item.state = T.TransactionItemState_DONE
    return failed


def save_module_state(base, failsafe_from=None, persistdir=None):
    """EL8 modules: dnf saves modules.d right before rpm runs (do_transaction); the fail-safe
    data goes where the container was created (`failsafe_from`) and is copied to the root's
    `persistdir`."""
    container = getattr(base, "_moduleContainer", None)
    if container is None:
        return False
    container.save()
    container.updateFailSafeData()
    if failsafe_from and persistdir:
        copy_module_failsafe(failsafe_from, persistdir)
    return True


def run_transaction(base, root, on_element_done, cmdline=HISTORY_CMDLINE, guard=no_guard,
                    module_failsafe_from=None):
    """Run `base`'s resolved transaction over `root` (every install package downloaded,
    rpm's test transaction passed). `on_element_done(done, total, nevra)` after each element;
    `guard()` is entered around the rpm run alone (the hook for deferring signals while rpm
    writes). Returns (rpm elements, scriptlet failures rpm let pass); raises TransactionFailed."""
    import dnf.lock
    import libdnf.transaction
    import rpm

    root.pin_dbpath()
    wrapper = base._ts
    ts = wrapper.ts
    items = list(base.transaction)
    kill_after = int(os.environ.get(KILL_AFTER_ITEMS) or 0)
    persistdir = root.handover(DNF_PERSIST)  # dnf opens it (its lock): resolved as chroot would
    # the history is a scratch copy (migrate/transaction/history.py) unless a resumed run
    # resolved with the root's own
    scratch = base.conf.persistdir if base.conf.persistdir != persistdir else None
    lock = dnf.lock.build_rpmdb_lock(persistdir, base.conf.exit_on_lock)
    timer = Timer()
    with lock:
        # iterated to its end: rpm's python TransactionSet keeps ONE iterator per set (rpmts-py.c
        # `rpmts_iternext`), a partial walk would shift the next one
        if not list(ts):  # else the set TEST_TRANSACTION tested and ordered (keep=True)
            base.transaction._populate_rpm_ts(wrapper)
            ts.order()
            ts.clean()  # release memory not needed beyond this point (as do_transaction)
            timer.lap("filled and ordered rpm's set")
        save_module_state(base, module_failsafe_from, persistdir)
        cookie = rpmdb_cookie(ts)
        record = begun_record(base)
        if record is None:  # resumed: a fresh base, the root's own history
            record = begin_record(base, root, cmdline)
        elif scratch:
            restamp_record(scratch, record, cookie)
        if scratch:
            publish_history(scratch, root)
        timer.lap("began dnf's history record")
        callback = Callback(rpm, ts, on_element_done, kill_after)
        ts.scriptFd = rpm_log_fd()  # scriptlets' output to our log, never to stdout (JSON)
        try:
            with guard():
                result = ts.run(callback, "")
        finally:
            callback.close()
        timer.lap("rpm's run")
        faults.at_boundary(faults.HISTORY_END)  # resume completes the record (complete_history)
        elements = list(ts)
        failed = record_states(elements, items, libdnf.transaction)
        end_history(base, root, record, items, rpmdb_cookie(ts), scratch, libdnf.transaction)
        timer.lap("ended dnf's history record")
    base._trans_success = not result and not failed
    ts.clear()
    check_result(result, failed, len(elements), callback.errors)
    return len(elements), callback.errors


def check_result(result, failed, total, errors):
    """ts.run's result as dnf reads it (dnf/base.py `_run_transaction`): None is success, a
    non-empty list problems that kept rpm from starting, an empty one failed elements (or, with
    none failed, a global error such as the lock)."""
    if result:
        raise TransactionFailed("rpm could not run the transaction: %s"
                                % "; ".join(str(p[0] if isinstance(p, tuple) else p) for p in result))
    if failed:
        raise TransactionFailed("%d of %d transaction elements failed (%s)%s" % (
            len(failed), total, ", ".join(failed[:5]),
            ": " + "; ".join(errors[:5]) if errors else ""))
    if result is not None:
        raise TransactionFailed("rpm could not run the transaction%s"
                                % (": " + "; ".join(errors[:5]) if errors else ""))

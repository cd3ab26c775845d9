"""The conversion itself, in ONE dnf transaction from the pre-downloaded cache: remove the
source's release/repos/keys packages and install AlmaLinux's, swap branding, distro-sync
everything and reinstall same-NEVRA packages still signed by another vendor.

One transaction means no window without a release package (no releasever gap), no file
conflicts between logos packages, and half the time of separate runs. It runs offline; a
crash inside it is resumed by resolving again from the same cache: what is done drops out."""
import logging
import os
import signal

from migrate.errors import MigrateError
from migrate.rpmlog import route_rpm_log
from migrate.steps.base import Step

log = logging.getLogger(__name__)

# Fault injection for the test suite: SIGKILL ourselves after this many transaction items,
# in the middle of rpm's transaction, as a power cut would. Never set outside tests.
KILL_AFTER_ITEMS = "ALMALINUX_MIGRATE_TEST_KILL_AFTER_ITEMS"


class DistroSync(Step):
    id = "DISTRO_SYNC"
    title = "Swap release packages and distro-sync to AlmaLinux"
    after_point_of_no_return = True

    def _resolve_offline(self, ctx):
        ctx.resolve(cacheonly=True, persistdir=ctx.root.handover("/var/lib/dnf"))

    def is_done(self, ctx):
        self._resolve_offline(ctx)
        transaction = ctx.base.transaction
        return not transaction.install_set and not transaction.remove_set

    def apply(self, ctx):
        import dnf.callback
        import dnf.exceptions
        import dnf.transaction

        base = ctx.base
        total = len(base.transaction)
        missing = [p.localPkg() for p in base.transaction.install_set if not os.path.exists(p.localPkg())]
        if missing:
            raise MigrateError("%d downloaded package(s) are gone from the cache, e.g. %s"
                               % (len(missing), missing[0]))
        state = {"seen": set(), "done": 0}
        kill_after = int(os.environ.get(KILL_AFTER_ITEMS) or 0)
        # After the transaction dnf verifies every item and reports that as progress 1..N
        # again; scriptlets report too. Only the items themselves count, once each.
        not_items = set(getattr(dnf.transaction, name, None) for name in (
            "PKG_VERIFY", "PKG_SCRIPTLET", "TRANS_PREPARATION", "TRANS_POST", "PKG_CLEANUP"))

        class Display(dnf.callback.TransactionProgress):
            def progress(self, package, action, ti_done, ti_total, ts_done, ts_total):
                key = (str(package), action)
                if ti_done != ti_total or key in state["seen"]:
                    return
                state["seen"].add(key)
                if kill_after and len(state["seen"]) >= kill_after:
                    os.kill(os.getpid(), signal.SIGKILL)
                if action in not_items:
                    return
                state["done"] += 1
                ctx.progress(DistroSync.id, state["done"], max(ts_total, total), "transaction items",
                             current=str(package))

            def error(self, message):
                log.error("rpm: %s", message)

        ctx.root.pin_dbpath()
        try:
            with ctx.interrupts.hangup_ignored():  # rpm's scriptlets inherit it: they survive too
                base.do_transaction(display=[Display()])
        except dnf.exceptions.Error as exc:
            raise MigrateError("the dnf transaction failed: %s" % exc)
        finally:
            route_rpm_log()  # dnf pointed librpm back at the terminal
        return "%d transaction items" % total

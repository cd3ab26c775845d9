"""The conversion itself, in ONE rpm transaction from the pre-downloaded cache: remove the
source's release/repos/keys packages and install AlmaLinux's, swap branding, distro-sync
everything and reinstall same-NEVRA packages still signed by another vendor.

One transaction means no window without a release package (no releasever gap), no file
conflicts between logos packages, and half the time of separate runs. It runs offline and was
resolved and test-run before the point of no return (TEST_TRANSACTION); here the same solved
dnf.Base gets the root's history (migrate.transaction.history) and the runner
(migrate.transaction.runner) does rpm's run and dnf's history records. A crash inside it is
resumed by resolving again from the same cache: what is done drops out; when nothing is left
(killed after rpm's run, before dnf's history record was ended), the record is completed."""
from migrate.errors import MigrateError
from migrate.rpmlog import route_rpm_log
from migrate.steps.base import Step
from migrate.transaction.record import HISTORY_CMDLINE, complete_history, open_history_record
from migrate.transaction.runner import run_transaction


class DistroSync(Step):
    id = "DISTRO_SYNC"
    title = "Swap release packages and distro-sync to AlmaLinux"
    needs = ("facts", "source", "target", "plan", "trusted_keys")  # the transaction is solved from them

    def is_done(self, ctx):
        return self.nothing_left(ctx) and open_history_record(ctx.root, HISTORY_CMDLINE) is None

    @staticmethod
    def nothing_left(ctx):
        transaction = ctx.transaction.transaction_base().transaction
        return not transaction.install_set and not transaction.remove_set

    def apply(self, ctx):
        import os

        base = ctx.transaction.transaction_base()
        if self.nothing_left(ctx):  # resumed after rpm's run, before dnf's history `end`
            record = open_history_record(ctx.root, HISTORY_CMDLINE)
            complete_history(base, ctx.root, record)
            return "rpm's run was complete; dnf history record %d ended" % record
        total = len(base.transaction)
        missing = [p.localPkg() for p in base.transaction.install_set if not os.path.exists(p.localPkg())]
        if missing:
            raise MigrateError("%d downloaded package(s) are gone from the cache, e.g. %s"
                               % (len(missing), missing[0]))

        def element_done(done, elements, current):
            ctx.progress(DistroSync.id, done, elements, "transaction items", current=current)

        try:
            # SIGHUP ignored around rpm's run alone: its scriptlets inherit it and survive too
            _, warnings = run_transaction(base, ctx.root, element_done, HISTORY_CMDLINE,
                                          guard=ctx.interrupts.hangup_ignored,
                                          module_failsafe_from=ctx.transaction.module_failsafe_from)
        finally:
            route_rpm_log()
        detail = "%d transaction items" % total
        if warnings:
            detail += "; %d scriptlet failure(s) rpm let pass: %s" % (len(warnings), "; ".join(warnings[:3]))
        return detail

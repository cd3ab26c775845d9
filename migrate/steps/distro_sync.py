"""The conversion itself, in ONE rpm transaction from the pre-downloaded cache: remove the
source's release/repos/keys packages and install AlmaLinux's, swap branding, distro-sync
everything and reinstall same-NEVRA packages still signed by another vendor.

One transaction means no window without a release package (no releasever gap), no file
conflicts between logos packages, and half the time of separate runs. It runs offline and was
resolved and test-run before the point of no return (TEST_TRANSACTION); here the same solved
dnf.Base gets the root's history (migrate.transaction.history) and the runner
(migrate.transaction.runner) does rpm's run and dnf's history records. A crash inside it is
resumed by resolving again from the same cache: what is done drops out."""
from migrate.errors import MigrateError
from migrate.rpmlog import route_rpm_log
from migrate.steps.base import Step
from migrate.transaction.runner import run_transaction

HISTORY_CMDLINE = "almalinux-migrate convert"  # what `dnf history` shows for the conversion


class DistroSync(Step):
    id = "DISTRO_SYNC"
    title = "Swap release packages and distro-sync to AlmaLinux"

    def is_done(self, ctx):
        transaction = ctx.transaction_base().transaction
        return not transaction.install_set and not transaction.remove_set

    def apply(self, ctx):
        import os

        base = ctx.transaction_base()
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
                                          module_failsafe_from=ctx.module_failsafe_from)
        finally:
            route_rpm_log()
        detail = "%d transaction items" % total
        if warnings:
            detail += "; %d scriptlet failure(s) rpm let pass: %s" % (len(warnings), "; ".join(warnings[:3]))
        return detail

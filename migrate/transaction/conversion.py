"""The conversion's transaction: the one owner of the dnf.Base it is solved, tested and run in.

Before the point of no return the what-if is solved online against the target repos (the
plan); after it the same base runs (migrate.transaction.runner), or, in a resumed process, the
base is solved again offline from the download cache and what is done drops out."""
import shutil

from migrate.layout import STATE_DIR
from migrate.plan.excludes import excludes_for
from migrate.plan.resolve import open_base, plan_conversion, target_repo_ids
from migrate.plan.whatif import dnf_transaction
from migrate.transaction.history import DNF_PERSIST, rebind_history, scratch_persistdir, snapshot_history


class Transaction(object):
    """Reads and writes the run record (migrate.run.Run): the plan and the excluded set."""

    def __init__(self, root, run, options, interrupts):
        self.root, self.run, self.options, self.interrupts = root, run, options, interrupts
        self.workdir = root.join(STATE_DIR)
        self.base = None
        self.packages = None  # dnf packages of the resolved transaction (this process only)
        self.history_scratch = None  # base's dnf history: a scratch copy published to the root
        self.module_failsafe_from = None  # where base's module container keeps its fail-safe data

    def solved(self):
        """This transaction, solved now (online, as the what-if is) when this process has not."""
        if self.packages is None:
            self.resolve()
        return self

    def resolve(self, cacheonly=False, persistdir=None):
        """Resolve the conversion in a fresh dnf.Base; keeps base and packages here, the plan in
        the run record."""
        run = self.run
        self.close()
        self.base = open_base(self.root, self.workdir, run.source, run.target, self.options,
                              cacheonly=cacheonly, persistdir=persistdir)
        if cacheonly and run.plan:  # exactly the repos the downloads came from
            repo_ids = [r["id"] for r in run.plan["repos"] if not r.get("missing")]
        else:
            repo_ids = target_repo_ids(run.facts, run.source, run.target)
        self.module_failsafe_from = self.base.conf.persistdir
        if persistdir is None:  # the what-if reads a copy of the root's history (never opens it)
            snapshot_history(self.root, self.base.conf.persistdir)
        if run.excluded is None:  # resume brings the run's own from the journal
            run.excluded = excludes_for(run.facts, self.options)
        try:
            run.plan, self.packages = plan_conversion(self.base, run.facts, run.source, run.target,
                                                       run.trusted_keyids, repo_ids, self.options.network,
                                                       self.options.keep_rhsm, run.excluded)
        finally:
            self.interrupts.reclaim()  # librepo keeps its own SIGINT handler after a download
        return run.plan

    def transaction_base(self):
        """The dnf.Base the conversion's transaction runs from. In the run that resolved and
        test-ran it before the point of no return, that base, its history moved to a scratch copy
        the runner publishes to the root (no new solve); a resumed run resolves again from the
        download cache, offline, with the root's own history, and what is done drops out."""
        if self.base is None:
            self.resolve(cacheonly=True, persistdir=self.root.handover(DNF_PERSIST))
        elif self.history_scratch is None and self.base.conf.persistdir != self.root.handover(DNF_PERSIST):
            self.history_scratch = scratch_persistdir(self.workdir, self.root.is_live)
            snapshot_history(self.root, self.history_scratch)
            rebind_history(self.base, self.history_scratch)
        dnf_transaction(self.base)  # the what-if built none (migrate.plan.whatif)
        return self.base

    def close(self):
        if self.base is not None:
            self.base.close()
            self.base = None
        self.packages = None
        if self.history_scratch is not None:
            shutil.rmtree(self.history_scratch, ignore_errors=True)
            self.history_scratch = None

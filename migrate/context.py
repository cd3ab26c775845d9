"""Context: what a command passes down explicitly instead of globals."""
import shutil
import socket
import uuid

from migrate import faults
from migrate.interrupts import Interrupts
from migrate.plan.excludes import excludes_for
from migrate.plan.resolve import open_base, plan_conversion, target_repo_ids
from migrate.plan.whatif import dnf_transaction
from migrate.layout import KEYRING_DIR, KEYS_DIR, STATE_DIR
from migrate.transaction.history import (DNF_PERSIST, rebind_history, scratch_persistdir,
                                         snapshot_history)
from migrate.trust import keyids


class Context(object):
    def __init__(self, root, runner, profiles, options, events, ui):
        self.root = root
        self.runner = runner
        self.profiles = profiles
        self.options = options
        self.events = events
        self.ui = ui
        self.facts = None
        self.source = None
        self.target = None
        self.trusted_keys = ()  # migrate.trust.TrustedKey records a conversion may use now
        self.known_keys = ()  # every trusted key seen, expired ones too: they prove origin
        self.key_text = ""  # the trusted keys re-armored (never the file as served)
        self.plan = None
        self.packages = None  # dnf packages of the resolved transaction (this process only)
        self.base = None
        self.excluded = None  # {name: reason} kept out of the sync (migrate.plan.excludes)
        self.interrupts = Interrupts()  # the process's handlers: set by cli.py
        self.run_id = uuid.uuid4().hex  # this invocation: events, log, report
        self.hostname = host_name(root)
        self.step_position = None  # (index, total) of the running step, for overall percent
        self._progress_done = {}  # step id -> highest `done` told: counters never go back
        self.history_scratch = None  # base's dnf history: a scratch copy published to the root
        self.module_failsafe_from = None  # where base's module container keeps its fail-safe data

    @property
    def workdir(self):
        return self.root.join(STATE_DIR)

    def state_path(self, path, *names):
        """A migrate.layout path (and names below it), resolved inside the root like every other."""
        return self.root.join("/".join((path,) + names))

    @property
    def key_dir(self):
        return self.state_path(KEYS_DIR)

    @property
    def key_files(self):
        """One file per trusted key: rpm before 4.17 imports only the first key of a file."""
        return [self.state_path(KEYS_DIR, key.fingerprint + ".asc") for key in self.trusted_keys]

    @property
    def keyring_dir(self):
        return self.state_path(KEYRING_DIR)

    @property
    def trusted_keyids(self):
        """Key IDs that prove an installed package is AlmaLinux's (expired keys included)."""
        return keyids(tuple(self.known_keys) + tuple(self.trusted_keys))

    def progress(self, step_id, done, total, unit, current=None):
        """Tell the events file and the person at the terminal how far a step is. `done` never
        goes down within a step (panels draw bars from it); `current` names the item at hand."""
        done = max(done, self._progress_done.get(step_id, 0))
        if total:
            done = min(done, total)
        self._progress_done[step_id] = done
        percent = None
        if self.step_position and total:
            index, steps = self.step_position
            percent = round(100.0 * ((index - 1) + float(done) / total) / steps, 1)
        self.events.emit("progress", step=step_id, done=done, total=total, unit=unit, percent=percent)
        self.ui.progress(step_id, done, total, unit, current)
        faults.at_progress(step_id, done)

    def resolve(self, cacheonly=False, persistdir=None):
        """Resolve the conversion in a fresh dnf.Base; keeps base, plan and packages here."""
        self.close()
        self.base = open_base(self.root, self.workdir, self.source, self.target, self.options,
                              cacheonly=cacheonly, persistdir=persistdir)
        if cacheonly and self.plan:  # exactly the repos the downloads came from
            repo_ids = [r["id"] for r in self.plan["repos"] if not r.get("missing")]
        else:
            repo_ids = target_repo_ids(self.facts, self.source, self.target)
        self.module_failsafe_from = self.base.conf.persistdir
        if persistdir is None:  # the what-if reads a copy of the root's history (never opens it)
            snapshot_history(self.root, self.base.conf.persistdir)
        if self.excluded is None:  # resume brings the run's own from the journal
            self.excluded = excludes_for(self.facts, self.options)
        try:
            self.plan, self.packages = plan_conversion(self.base, self.facts, self.source, self.target,
                                                       self.trusted_keyids, repo_ids, self.options.network,
                                                       self.options.keep_rhsm, self.excluded)
        finally:
            self.interrupts.reclaim()  # librepo keeps its own SIGINT handler after a download
        return self.plan

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
        if self.history_scratch is not None:
            shutil.rmtree(self.history_scratch, ignore_errors=True)
            self.history_scratch = None


def host_name(root):
    """The converted host's name: the machine's on the live host, the image's /etc/hostname
    under --root (None when it has none)."""
    if root.is_live:
        return socket.gethostname()
    try:
        text = root.read_text("/etc/hostname", default="")
    except (IOError, OSError):
        return None
    name = text.strip().splitlines()[0].strip() if text.strip() else ""
    return name or None

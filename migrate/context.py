"""Context: what a command passes down explicitly instead of globals."""
import socket
import uuid

from migrate import faults
from migrate.interrupts import Interrupts
from migrate.plan.excludes import excludes_for
from migrate.plan.resolve import open_base, plan_conversion, target_repo_ids
from migrate.root import STATE_DIR
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

    @property
    def workdir(self):
        return self.root.join(STATE_DIR)

    def state_path(self, *names):
        """A host path in the state dir, resolved inside the root like every other path."""
        return self.root.join("/".join((STATE_DIR,) + names))

    @property
    def key_dir(self):
        return self.state_path("keys")

    @property
    def key_files(self):
        """One file per trusted key: rpm before 4.17 imports only the first key of a file."""
        return [self.state_path("keys", key.fingerprint + ".asc") for key in self.trusted_keys]

    @property
    def keyring_dir(self):
        return self.state_path("keyring")

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
        if self.base is not None:
            self.base.close()
        self.base = open_base(self.root, self.workdir, self.source, self.target, self.options,
                              cacheonly=cacheonly, persistdir=persistdir)
        if cacheonly and self.plan:  # exactly the repos the downloads came from
            repo_ids = [r["id"] for r in self.plan["repos"] if not r.get("missing")]
        else:
            repo_ids = target_repo_ids(self.facts, self.source, self.target)
        if self.excluded is None:  # resume brings the run's own from the journal
            self.excluded = excludes_for(self.facts, self.options)
        try:
            self.plan, self.packages = plan_conversion(self.base, self.facts, self.source, self.target,
                                                       self.trusted_keyids, repo_ids, self.options.network,
                                                       self.options.keep_rhsm, self.excluded)
        finally:
            self.interrupts.reclaim()  # librepo keeps its own SIGINT handler after a download
        return self.plan

    def close(self):
        if self.base is not None:
            self.base.close()
            self.base = None


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

"""Context: what a command passes down explicitly instead of globals.

The services (root, runner, profiles, options, events, ui, interrupts) act; the run's data
lives in one record, ctx.run (migrate.run.Run; ctx.plan and the like read and write it), and
the conversion's dnf.Base in ctx.transaction (migrate.transaction.conversion)."""
import socket
import uuid
from typing import NamedTuple

from migrate import faults
from migrate.interrupts import Interrupts
from migrate.layout import KEYRING_DIR, KEYS_DIR, STATE_DIR
from migrate.run import Run, with_run_fields
from migrate.transaction.conversion import Transaction


class Services(NamedTuple):
    """What acts for a command, fixed for its process (resume and rollback replace the options
    with the journal's once, before anything runs: commands.execute.restore_context)."""

    root: object  # migrate.root.Root
    runner: object  # migrate.runner.Runner
    profiles: object  # migrate.profiles.Profiles
    options: object  # migrate.config.Options
    events: object  # migrate.report.events.Events
    ui: object  # migrate.report.text.Ui
    interrupts: object  # migrate.interrupts.Interrupts: the process's signal handlers


def _service(name):
    return property(lambda self: getattr(self.services, name))


@with_run_fields
class Context(object):
    def __init__(self, root, runner, profiles, options, events, ui, run=None, interrupts=None):
        self._transaction = None
        self.services = Services(root, runner, profiles, options, events, ui, interrupts or Interrupts())
        self.run = run if run is not None else Run()
        self.run_id = uuid.uuid4().hex  # this invocation: events, log, report
        self.hostname = host_name(root)
        self.step_position = None  # (index, total) of the running step, for overall percent
        self._progress_done = {}  # step id -> highest `done` told: counters never go back

    root, runner, profiles, options, events, ui, interrupts = [_service(name) for name in Services._fields]

    @property
    def services(self):
        return self._services

    @services.setter
    def services(self, services):
        self._drop_transaction()
        self._services = services

    @property
    def run(self):
        return self._run

    @run.setter
    def run(self, run):
        self._drop_transaction()
        self._run = run

    def _drop_transaction(self):
        """New services or a new run record: a transaction solved with the old ones goes."""
        if self._transaction is not None:
            self._transaction.close()
            self._transaction = None

    @property
    def transaction(self):
        """The conversion's transaction, made on first use from the run and services in force."""
        if self._transaction is None:
            self._transaction = Transaction(self.root, self.run, self.options, self.interrupts)
        return self._transaction

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
        return [self.state_path(KEYS_DIR, key.fingerprint + ".asc") for key in self.run.trusted_keys or ()]

    @property
    def keyring_dir(self):
        return self.state_path(KEYRING_DIR)

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

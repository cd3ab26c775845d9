"""The unit tests' one kit: a strict FakeRunner, a LiveRoot, a file helper, a step context and a command's.

Shaped like the code it stands in for: FakeRunner.run takes migrate.runner.Runner.run's
arguments, so a call the real Runner would refuse fails here too."""
import os
import shutil
import subprocess

from migrate.checks.base import CheckInput, run_checks
from migrate.commands.execute import start_journal
from migrate.config import Options
from migrate.context import Context as RealContext
from migrate.errors import CommandFailed
from migrate.facts.model import OsRelease
from migrate.interrupts import Interrupts
from migrate.keys import PublicKey
from migrate.journal import DONE
from migrate.layout import STATE_DIR
from migrate.plan.model import empty_plan
from migrate.profiles import load_profiles
from migrate.root import Root
from migrate.network.mirror import KeyProbe
from migrate.run import Run, with_run_fields
from migrate.runner import Result
from migrate.steps.resume_unit import InstallResumeUnit
from migrate.steps.save_target_key import SaveTargetKey
from migrate.transaction.conversion import Transaction
from tests.factories import FIXTURES, ROCKY9_OS_RELEASE, STREAM9_OS_RELEASE, make_facts, situation, trusted_keys


class FakeRunner(object):
    """Replays canned answers and refuses any argv it was not told about.

    responses maps an argv tuple to stdout, to (returncode, stdout[, stderr]), or to a callable
    taking the runner and returning one of those (for answers that depend on earlier calls).
    prefixes maps an argv prefix to a callable taking the whole argv, for commands whose tail is
    data (a batch of file names)."""

    def __init__(self, responses=None, prefixes=None):
        self.responses = dict((tuple(k), v) for k, v in (responses or {}).items())
        self.prefixes = dict((tuple(str(a) for a in k), v) for k, v in (prefixes or {}).items())
        self.calls = []
        self.kwargs = []

    def run(self, argv, check=True, stdin_text=None, env=None, timeout=None):
        argv = [str(a) for a in argv]
        self.calls.append(argv)
        self.kwargs.append(dict(check=check, stdin_text=stdin_text, env=env, timeout=timeout))
        answer = self._answer(argv)
        if not isinstance(answer, tuple):
            answer = (0, answer)
        returncode, stdout, stderr = (answer + ("",))[:3]
        if check and returncode:
            raise CommandFailed(argv, returncode, stdout, stderr)
        return Result(argv, returncode, stdout, stderr)

    def _answer(self, argv):
        if tuple(argv) in self.responses:
            answer = self.responses[tuple(argv)]
            return answer(self) if callable(answer) else answer
        for prefix, answer in self.prefixes.items():
            if tuple(argv[:len(prefix)]) == prefix:
                return answer(argv)
        raise AssertionError("unexpected command: %r" % (argv,))

    def expect(self, *argvs):
        """Accept these commands (they print nothing); returns them, in order."""
        for argv in argvs:
            self.responses.setdefault(tuple(argv), "")
        return [list(a) for a in argvs]

    def ran(self, prefix):
        return any(c[:len(prefix)] == list(prefix) for c in self.calls)


class LiveRoot(Root):
    """A directory in tmp_path that the code takes for the live machine: nothing touches this one."""

    is_live = True


def write(root, path, text=""):
    """Create the file at path inside root (and its directories) holding text."""
    full = root.join(path)
    parent = os.path.dirname(full)
    if not os.path.isdir(parent):
        os.makedirs(parent)
    with open(full, "w", encoding="utf-8") as handle:
        handle.write(text)


class Recorder(object):
    """A ui or events sink: accepts any call and keeps it, for the tests that ask what was told."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.calls.append((name, args, kwargs))

    def told(self, name):
        """The positional arguments of each `name` call, in order."""
        return [args for called, args, _ in self.calls if called == name]


def make_run(facts=None, **options):
    """(run record, options) for the facts' host (a live Rocky 9 unless told otherwise), as
    assess leaves them when nothing blocks: no keys fetched, the empty plan."""
    facts, source, target, options = situation(facts or make_facts(), **options)
    return Run(facts=facts, source=source, target=target, trusted_keys=(), known_keys=(), key_text="",
               plan=empty_plan(), excluded={}), options


@with_run_fields
class Context(object):
    """The services a step uses (root, runner, options, recording events and ui, interrupts),
    a run record (ctx.run; ctx.facts and the other run fields read it as migrate.context's do)
    and a real, unsolved Transaction: a test of a step that transacts sets its packages and base."""

    def __init__(self, root, runner, run, options):
        self.run, self.options = run, options
        self.root, self.runner = root, runner
        self.events, self.ui = Recorder(), Recorder()
        self.outcomes = {}
        self.workdir = root.join(STATE_DIR)
        self.interrupts = Interrupts()
        self.transaction = Transaction(root, run, options, self.interrupts)
        self.step_position = None
        self._progress_done = {}

    # the real ones, so the two cannot drift
    state_path = RealContext.state_path
    progress = RealContext.progress
    key_files = RealContext.key_files
    keyring_dir = RealContext.keyring_dir


def make_ctx(root, runner=None, facts=None, **options):
    """A step context on root for the facts' host (a live Rocky 9 unless told otherwise)."""
    run, options = make_run(facts, **options)
    return Context(root, runner if runner is not None else FakeRunner(), run, options)


def make_command_ctx(root, runner=None, **options):
    """A command's context: migrate.context's own on root, with the shipped profiles, the kit's
    runner (collect_tools() unless told otherwise) and recorders for events and ui."""
    return RealContext(root, runner if runner is not None else collect_tools(root), load_profiles(),
                       Options(**options), Recorder(), Recorder())


def collect_tools(root):
    """The tools facts.collect runs under --root: `df` (each path 1000 bytes, 600 free) and
    `rpm --showrc` (this rpm writes sqlite)."""
    def df(argv):
        lines = "".join("/dev/vda 1000 400 600 40%% %s\n" % path for path in argv[3:])
        return "Filesystem 1-blocks Used Available Capacity Mounted on\n" + lines

    return FakeRunner(prefixes={("df", "-P", "-B1"): df,
                                ("rpm", "--showrc"): lambda argv: "available backends: sqlite\n"})


def stopped_conversion(tmp_path):
    """(root, the saved key's file) of a Rocky 9 conversion with --resume-on-boot stopped after
    INSTALL_RESUME_UNIT: its key saved, its unit installed, the journal saying so (state failed)."""
    root = Root(str(tmp_path / "root"))
    shutil.copytree(os.path.join(FIXTURES, "roots", "rocky9"), root.path)
    ctx = make_command_ctx(root, resume_on_boot=True)
    _, ctx.source, ctx.target, _ = situation(resume_on_boot=True)
    ctx.trusted_keys, ctx.plan = trusted_keys(9), empty_plan()
    journal = start_journal(ctx)
    for step in (SaveTargetKey(), InstallResumeUnit()):
        step.apply(ctx)
        journal.mark(step.id, DONE, "")
    journal.data["state"] = "failed"
    journal.save()
    return root, ctx.key_files[0]


SOURCE_OS_RELEASES = {
    "rhel": OsRelease("rhel", "Red Hat Enterprise Linux", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)"),
    "rocky": ROCKY9_OS_RELEASE,
    "centos-stream": STREAM9_OS_RELEASE,
}


def make_source_ctx(root, profile_id="rhel", runner=None, **options):
    """A step context on root for a host of that source profile, major 9."""
    return make_ctx(root, runner, make_facts(os_release=SOURCE_OS_RELEASES[profile_id]), **options)


# A reachable mirror serving one trusted AlmaLinux 9 key: what the target checks see on a good day.
TRUSTED_KEY = PublicKey("BF18AC2876178908D6E71267D36CB86CB86B3716", ())
MIRROR_KEY = KeyProbe("http://m/RPM-GPG-KEY-AlmaLinux-9", None, "text", (TRUSTED_KEY.fingerprint,),
                      (TRUSTED_KEY,))


def check_findings(checks, facts=None, skipped=None, **values):
    """{id: finding} of these checks run as assess runs them on the facts' host. values are
    CheckInput's extras (key=, plan=, resolve_problem=, ...) and the options (allow= included)."""
    extras = dict((name, values.pop(name)) for name in CheckInput._fields[3:] if name in values)
    facts, source, target, options = situation(facts, **values)
    given = CheckInput(source, target, options, **extras)
    return dict((f["id"], f) for f in run_checks(checks, facts, given, set(options.allow), skipped=skipped))


def dead_pid():
    """The PID of a process that has just exited: what a stale lock file names."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid

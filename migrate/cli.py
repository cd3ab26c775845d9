"""The command line: options -> Context, run a command, render, errors -> exit codes.

The only place that decides exit codes and the only place that catches everything.

A command's module (and the context, which pulls in the planner) is imported when that command
starts, not at start-up: `--help` stays fast. Each run still imports everything it needs before
it does anything, and `convert`/`resume` also load the rpm/dnf bindings first
(`preload_bindings`): the conversion replaces the interpreter's own libraries on disk."""
import importlib
import json
import logging
import os
import signal
import stat
import sys
import uuid
from enum import Enum
from typing import List, Optional

import click
import typer

from migrate import __version__
from migrate.argv import option_value, wants_json
from migrate.config import load_config, merge_options
from migrate.errors import EXIT_BUG, EXIT_ROLLED_BACK, EXIT_USAGE, Blocked, MigrateError, UsageError
from migrate.helptext import epilog
from migrate.hooks import run_hooks
from migrate.interrupts import FINISHED, HANDLED, STOPPED, Interrupted, Interrupts, blocked_signals
from migrate.journal import Lock
from migrate.logsetup import LogFile, run_file_name, setup_logging
from migrate.network.settings import with_network
from migrate.options import BY_NAME, run_values
from migrate.profiles import load_profiles
from migrate.reboot import reboot_if_asked
from migrate.report.document import tool_info, write_report
from migrate.report.events import Events
from migrate.report.failure import add_write_failures, error_report
from migrate.report.streams import QuietStream
from migrate.report.text import Ui, make_console, render_report, render_status
from migrate.root import Root, RootLinkLoop, preload_bindings
from migrate.rpmlog import route_rpm_log
from migrate.runner import Runner
from migrate.secrets import mask_value

log = logging.getLogger("migrate")

app = typer.Typer(add_completion=False, no_args_is_help=True, epilog=epilog(),
                  help="Convert an EL host in place to AlmaLinux of the same major version.")


def _command(name):
    """migrate.commands.<name>, imported when the command starts (with all it needs)."""
    return importlib.import_module("migrate.commands." + name)


def _choices(name):
    """A str Enum of an option's choices: typer offers and checks them."""
    return Enum(name, [(choice, choice) for choice in BY_NAME[name].choices], type=str)


OutputFormat = _choices("output")
ThirdParty = _choices("third_party")


def _option(name, **extra):
    """typer's option for migrate.options' entry `name` (flags, default, metavar, help)."""
    option = BY_NAME[name]
    default = option.cli_default
    if option.kind == "list":
        default = []
    elif option.kind == "choice" and default is not None:
        default = _choices(name)(default)
    if option.metavar is not None:
        extra["metavar"] = option.metavar
    if default is None or option.kind == "count":
        extra["show_default"] = False
    return typer.Option(default, *option.flags, help=option.help, count=option.kind == "count", **extra)


# The process's one set of signal handlers (see migrate.interrupts), installed by main().
INTERRUPTS = Interrupts()
# Commands that take the tool's lock before they open the events file: a run refused for the
# lock writes nothing to another run's files. `status` and `bundle` stay lock-free.
LOCKING = ("preflight", "convert", "resume", "rollback", "verify")


class ReadOnlyRoot(Blocked):
    pass


class Globals(object):
    def __init__(self, root, config, output, verbose):
        self.root, self.config, self.output, self.verbose = root, config, output, verbose
        self.context = None  # the Context, once made
        self.log_path = None
        self.lock = None


def _version(value):
    if value:  # under --output json, one document as on every other exit
        typer.echo(json.dumps({"tool": tool_info()}, sort_keys=True) if wants_json(sys.argv[1:])
                   else "almalinux-migrate %s" % __version__)
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    root: str = _option("root"),
    config: Optional[str] = _option("config"),
    output: OutputFormat = _option("output"),
    verbose: int = _option("verbose"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
):
    ctx.obj = Globals(root, config, output.value, verbose)


def _read_only(path):
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _is_stdout(path):
    """--events /dev/stdout (or /proc/self/fd/1): the pipe or file stdout is, under another name
    (a terminal or /dev/null on both sides mixes no document)."""
    try:
        info = os.stat(path) if path else None
        return info is not None and not stat.S_ISCHR(info.st_mode) and \
            os.path.samestat(info, os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):
        return False


def _make_context(g, events_path, command=None, reads_only=False, **option_values):
    """command: a report command, which gets its own log (kept), the latest log's header and,
    with the others in LOCKING, the tool's lock. reads_only: `status`, fine on a read-only root."""
    from migrate.context import Context, host_name

    if not os.path.isdir(g.root):
        raise UsageError("--root %s is not a directory" % g.root)
    if g.output == "json" and (events_path == "-" or _is_stdout(events_path)):
        raise UsageError("--events %s and --output json both want stdout; give --events a file" % events_path)
    root = Root(g.root)
    if not reads_only and any(_read_only(p) for p in (root.path, root.join("/var")) if os.path.isdir(p)):
        raise ReadOnlyRoot("%s is on a read-only filesystem: the tool writes its state, log and report "
                           "there (and a conversion writes the whole system)" % root.path)
    if command in LOCKING:  # before the latest log is started afresh and the events file opened
        g.lock = Lock(root).acquire()
    run_id = uuid.uuid4().hex
    run_name = run_file_name(command, run_id) if command else None
    g.log_path = setup_logging(root, g.verbose, run_name)
    route_rpm_log()
    log.info("almalinux-migrate %s %s (run %s) on %s, root %s, python %s", __version__, command or "",
             run_id, host_name(root) or "?", root.path, sys.version.split()[0])
    log.info("command line: %s", " ".join(sys.argv))
    options = merge_options(load_config(root, g.config), **option_values)
    if "mirror" in option_values:  # preflight, convert: resolve proxy and CA now
        options = with_network(options, root, os.environ)
    context = Context(root, Runner(), load_profiles(), options, Events(events_path), Ui(quiet=False),
                      interrupts=INTERRUPTS)
    context.run_id, context.run_name = run_id, run_name
    g.context = context
    return context


def _finish(g, ctx, command, result, write=True):
    """Render the report (or a plain document), write it to the root and exit with its code."""
    report, exit_code = result
    report = mask_value(report)  # the file, stdout, the screen and the hooks see no credential
    add_write_failures(report, ctx.events.error, LogFile.error)
    ctx.ui.close()
    log.info("finished %s: status %s, exit code %d%s", command, report.get("status"), exit_code,
             (": " + report["message"]) if report.get("message") else "")
    written = False
    if write:
        try:
            write_report(ctx.root, report, getattr(ctx, "run_name", None))
            written = True
        except (IOError, OSError) as exc:
            log.warning("cannot write the report: %s", exc)
    if command in ("convert", "resume") and report.get("steps"):  # a conversion ran
        run_hooks(ctx.root, ctx.runner, "post-convert", report.get("status"), exit_code)
    _emit_finished(ctx, command, report.get("status"), exit_code)
    if g.output == "json":
        _print_document(report)
    else:
        render_report(report)
    sys.stdout.flush()
    reboot_if_asked(ctx, command, report.get("status"), written)
    raise typer.Exit(exit_code)


def _print_document(document):
    """The one JSON document on stdout: whole, and nothing after it (a signal now is only noted)."""
    with blocked_signals():
        INTERRUPTS.phase = FINISHED
        sys.stdout.write(json.dumps(document, indent=2, sort_keys=True) + "\n")
        sys.stdout.flush()


def _emit_finished(ctx, command, status, exit_code):
    ctx.events.best_effort = True  # the run is over: its last event never changes the outcome
    for name, action in ctx.interrupts.take_notices():
        ctx.events.emit("signal", signal=name, action=action)
    ctx.events.emit("run_finished", command=command, status=status, exit_code=exit_code)
    ctx.events.close()


def _guarded(g, command, body):
    """Run body(); expected failures become their exit code, anything else exit 1. In every
    case `--output json` gets one document and the screen one line (tracebacks: the log)."""
    try:
        return body()
    except typer.Exit:
        raise
    except MigrateError as exc:
        log.debug("%s failed", command, exc_info=True)
        _fail(g, command, exc, exc.message, exc.exit_code, exc.report)
    except Interrupted as exc:
        _fail(g, command, exc, STOPPED % exc.name, EXIT_ROLLED_BACK)
    except RootLinkLoop as exc:  # the root's own links loop: bad input, not a bug
        log.debug("%s failed", command, exc_info=True)
        _fail(g, command, exc, "%s in the root: %s; replace the links there and run it again"
              % (exc.strerror, exc.filename), RootLinkLoop.exit_code)
    except Exception as exc:  # a bug: traceback to the log, one line on screen
        log.debug("internal error in %s", command, exc_info=True)
        where = ("the traceback is in %s" % g.log_path) if g.log_path else \
            ("no log could be written (%s)" % LogFile.error) if LogFile.error else "this command keeps no log"
        _fail(g, command, exc, "internal error (%s: %s); %s. Please report it."
              % (type(exc).__name__, exc, where), EXIT_BUG)
    finally:
        _release(g)


def _release(g):
    if g.lock is not None:
        g.lock.release()
        g.lock = None


def _fail(g, command, exc, message, exit_code, report=None):
    log.info("finished %s: exit code %d: %s", command, exit_code, message)
    make_console(sys.stderr).print("almalinux-migrate: %s" % message, style="bold red", markup=False,
                                   soft_wrap=True)
    document = report or error_report(command, exc, message, exit_code, context=g.context,
                                      root_path=os.path.abspath(g.root) if g.root else None)
    if g.context is not None:
        try:
            _emit_finished(g.context, command, document["status"], exit_code)
        except Exception:  # the events file is best effort here
            log.debug("cannot write run_finished", exc_info=True)
    if g.output == "json":
        _print_document(document)
    raise typer.Exit(exit_code)


def _run_report_command(typer_ctx, command, events, fn, **option_values):
    g = typer_ctx.obj

    def body():
        ctx = _make_context(g, events, command=command, **option_values)
        ctx.events.emit("run_started", command=command, root=ctx.root.path, run_id=ctx.run_id,
                        hostname=ctx.hostname, version=__version__)
        result = fn(ctx)
        ctx.interrupts.check()  # a stop whose raise a library dropped still ends the run with 4
        _finish(g, ctx, command, result)

    _guarded(g, command, body)


TARGET, MIRROR, PROXY, CA_CERT = _option("target"), _option("mirror"), _option("proxy"), _option("ca_cert")
DOWNGRADE, ALLOW, THIRD, EVENTS = _option("downgrade"), _option("allow"), _option("third_party"), _option("events")
YES, KEEP_RHSM, EXCLUDE = _option("assume_yes"), _option("keep_rhsm"), _option("exclude")
IGNORE_VERSIONLOCK, REBOOT, RESUME_ON_BOOT = _option("ignore_versionlock"), _option("reboot"), _option("resume_on_boot")


@app.command()
def preflight(ctx: typer.Context, target: Optional[str] = TARGET, mirror: Optional[str] = MIRROR,
              proxy: Optional[str] = PROXY, downgrade: bool = DOWNGRADE, allow: List[str] = ALLOW,
              third_party: Optional[ThirdParty] = THIRD, events: Optional[str] = EVENTS,
              keep_rhsm: bool = KEEP_RHSM, ca_cert: Optional[str] = CA_CERT, exclude: List[str] = EXCLUDE,
              ignore_versionlock: bool = IGNORE_VERSIONLOCK):
    """Inspect the host and print findings and the plan; changes nothing."""
    _run_report_command(ctx, "preflight", events, _command("preflight").run, **run_values("preflight", locals()))


@app.command()
def convert(ctx: typer.Context, target: Optional[str] = TARGET, mirror: Optional[str] = MIRROR,
            proxy: Optional[str] = PROXY, downgrade: bool = DOWNGRADE, allow: List[str] = ALLOW,
            third_party: Optional[ThirdParty] = THIRD, events: Optional[str] = EVENTS,
            yes: bool = YES, resume_on_boot: bool = RESUME_ON_BOOT, keep_rhsm: bool = KEEP_RHSM,
            ca_cert: Optional[str] = CA_CERT, exclude: List[str] = EXCLUDE,
            ignore_versionlock: bool = IGNORE_VERSIONLOCK, reboot: bool = REBOOT):
    """Preflight, then convert; --yes makes it non-interactive."""
    if reboot and not Root(ctx.obj.root).is_live:
        _guarded(ctx.obj, "convert", _raise(UsageError(
            "--reboot reboots this machine, not the system under --root %s; leave it out" % ctx.obj.root)))
    if not yes and not sys.stdin.isatty():
        _guarded(ctx.obj, "convert", _raise(UsageError("convert needs --yes when it cannot ask at a terminal")))
    convert_cmd = _command("convert")
    preload_bindings()

    def confirm(preview):
        render_report(preview, sys.stderr)
        return typer.confirm("Convert this host to AlmaLinux now?", default=False, err=True)

    _run_report_command(ctx, "convert", events, lambda c: convert_cmd.run(c, confirm),
                        **run_values("convert", locals()))


def _raise(exc):
    def body():
        raise exc
    return body


@app.command()
def resume(ctx: typer.Context, yes: bool = YES, events: Optional[str] = EVENTS):
    """Continue an interrupted conversion from its journal."""
    resume_cmd = _command("resume")
    preload_bindings()
    _run_report_command(ctx, "resume", events, resume_cmd.run, **run_values("resume", locals()))


@app.command()
def rollback(ctx: typer.Context, yes: bool = YES, events: Optional[str] = EVENTS):
    """Undo a conversion that stopped before the point of no return."""
    _run_report_command(ctx, "rollback", events, _command("rollback").run, **run_values("rollback", locals()))


@app.command()
def verify(ctx: typer.Context, events: Optional[str] = EVENTS, boot: bool = _option("boot")):
    """Check a converted host and list what is left from other vendors."""
    _run_report_command(ctx, "verify", events, lambda c: _command("verify").run(c, boot=boot))


@app.command()
def status(ctx: typer.Context):
    """Print the journal's state."""
    g = ctx.obj

    def body():
        context = _make_context(g, None, reads_only=True)
        document = mask_value(_command("status").run(context))  # a journal of an older version
        if g.output == "json":
            _print_document(document)
        else:
            render_status(document)
        raise typer.Exit(0)

    _guarded(g, "status", body)


@app.command()
def bundle(ctx: typer.Context, file: Optional[str] = _option("file")):
    """Collect log, report, journal and key facts into one archive for a support ticket."""
    g = ctx.obj

    def body():
        document = _command("bundle").run(_make_context(g, None), file)
        if g.output == "json":
            _print_document(document)
        else:
            make_console(sys.stdout).print("Support bundle: %s" % document["bundle"], markup=False)
        raise typer.Exit(0)

    _guarded(g, "bundle", body)


@app.command("profiles")
def profiles_command(ctx: typer.Context):
    """List supported sources and targets."""
    g = ctx.obj

    def body():
        document = _command("profiles").run(_ProfilesOnly(load_profiles()))
        if g.output == "json":
            _print_document(document)
        else:
            console = make_console(sys.stdout)
            for source in document["sources"]:
                console.print("source  %-14s %-16s majors %s" % (
                    source["id"], source["name"], ", ".join(str(m) for m in source["majors"])), markup=False)
            for target in document["targets"]:
                console.print("target  %-14s %s %d (%s)" % (
                    target["id"], target["name"], target["major"], ", ".join(target["architectures"])), markup=False)
        raise typer.Exit(0)

    _guarded(g, "profiles", body)


class _ProfilesOnly(object):
    def __init__(self, profiles):
        self.profiles = profiles


def _command_name(argv):
    """The command a command line names, for the report of a line click refused (None: none)."""
    names = set(c.name or c.callback.__name__ for c in app.registered_commands)
    return next((a for a in argv if a in names), None)


def main():
    """The entry point: every exit, click's usage errors included, goes through here."""
    sys.stdout, sys.stderr = QuietStream(sys.stdout), QuietStream(sys.stderr)
    INTERRUPTS.install()
    argv = sys.argv[1:]
    try:
        code = app(prog_name="almalinux-migrate", args=argv, standalone_mode=False)
    except click.exceptions.ClickException as exc:
        code = _click_failure(exc, argv, UsageError(exc.format_message()))
    except (click.exceptions.Abort, Interrupted) as exc:
        name = exc.name if isinstance(exc, Interrupted) else "SIGINT"
        code = _click_failure(None, argv, Interrupted(name), STOPPED % name)
    # The document is out: a signal from now on must not turn its exit code into death by
    # signal. The interpreter puts the default handlers back while it shuts down (it leaves
    # ignored ones alone), and blocking in this thread would not hold back the library threads.
    for signum in HANDLED:
        signal.signal(signum, signal.SIG_IGN)
    sys.exit(code or 0)


def _click_failure(exc, argv, error, message=None):
    """A failure while click parses the command line or asks at the terminal."""
    code = EXIT_USAGE if exc is not None else EXIT_ROLLED_BACK
    if wants_json(argv):
        document = error_report(_command_name(argv), error, message or error.message, code,
                                root_path=os.path.abspath(option_value(argv, "--root") or "/"))
        _print_document(document)
    if exc is not None:
        exc.show()
    else:
        make_console(sys.stderr).print("almalinux-migrate: %s" % message, style="bold red", markup=False,
                                       soft_wrap=True)
    return code

"""Every launcher's entry point (the console script, `python3 -m migrate`, the pyz and the
RPM's copy of its __main__): a signal while the modules still load ends the run quietly.

Loading migrate.cli (click, typer, rich, the planner) takes a noticeable moment before its
handlers (migrate.interrupts) exist; a Ctrl-C there would be Python's KeyboardInterrupt
traceback, a SIGTERM or SIGHUP a silent death. Until migrate.cli takes over, SIGINT, SIGTERM
and SIGHUP unwind the import instead, and the run ends as one stopped before it changed
anything does (design "Exit codes": 4, finding INTERRUPTED): one line on stderr and, with
`--output json`, the one error document. Nothing here imports more than the standard library
and migrate.interrupts until a signal came; then further signals are ignored while the small
report modules load and the document is printed whole."""
import os
import signal
import sys

from migrate.argv import option_value, wants_json
from migrate.errors import EXIT_ROLLED_BACK  # 4: stopped before anything changed
from migrate.interrupts import HANDLED, STOPPED, Interrupted, say, signal_name


class _Early(BaseException):
    """A signal before migrate.cli's handlers: a BaseException, so no `except Exception` in an
    importing module swallows it."""

    def __init__(self, name):
        super(_Early, self).__init__(name)
        self.name = name


def _stop(signum, frame):
    for each in HANDLED:  # the first one decides; the rest wait for the document
        signal.signal(each, signal.SIG_IGN)
    raise _Early(signal_name(signum))


def _stopped(name, argv):
    message = STOPPED % name
    say(message)
    if wants_json(argv):
        import json

        from migrate.report.failure import error_report

        # command: None, the command line was not read yet
        document = error_report(None, Interrupted(name), message, EXIT_ROLLED_BACK,
                                root_path=os.path.abspath(option_value(argv, "--root") or "/"))
        try:
            sys.stdout.write(json.dumps(document, indent=2, sort_keys=True) + "\n")
            sys.stdout.flush()
        except (IOError, OSError, ValueError):
            pass
    return EXIT_ROLLED_BACK


def main(prepare=None):
    """Load and run migrate.cli; `prepare` (the pyz's bytecode finder) runs first, guarded too."""
    for signum in HANDLED:
        signal.signal(signum, _stop)
    try:
        if prepare is not None:
            prepare()
        from migrate import cli

        cli.main()  # its first act puts migrate.interrupts' handlers in place of _stop
    except _Early as exc:
        sys.exit(_stopped(exc.name, sys.argv[1:]))

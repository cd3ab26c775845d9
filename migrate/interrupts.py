"""SIGINT, SIGTERM and SIGHUP: what they do depends on where the run is (docs/cli.md, "Signals").

- before the point of no return (and in preflight, verify, status, ...): the first one stops
  the run at once (`Interrupted` is raised in the main thread); the engine undoes what was
  changed and the run exits 4;
- while undoing (a failure's undo, `rollback`): noted; the undo finishes first;
- once the result is being printed: noted, nothing else (one document, whole);
- after the point of no return the rpm transaction is never cut: SIGHUP (an SSH session
  dropping) is ignored and the conversion carries on (inside the transaction it is set to
  SIG_IGN, so that rpm's scriptlets survive it too); SIGINT and SIGTERM stop the run at the
  next step boundary (exit 5, `resume` finishes).

A repeated signal is answered on the screen, never dropped silently. Libraries may replace the
handlers (librepo keeps its own SIGINT handler after a download): `reclaim()` puts ours back
after every librepo/dnf call and at every step boundary. rpm's own handling, which exits the
process on these signals while the rpmdb is open, is switched off (`quiet_rpm`)."""
import os
import re
import signal
import sys
import warnings

HANDLED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOPPED = "Stopped by %s; nothing was changed."  # the message of a run a signal stopped before any change
BEFORE, UNDOING, AFTER, FINISHED = "before", "undoing", "after", "finished"


def signal_name(signum):
    return {signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM", signal.SIGHUP: "SIGHUP"}.get(
        signum, "signal %d" % signum)


# librepo's message when its own handler caught the signal: "Interrupted by a SIGINT signal",
# "Librepo was interrupted by a signal" (librepo/handle.c, librepo/downloader.c).
LIBREPO_INTERRUPTED = re.compile(r"[Ii]nterrupted by (?:a )?(SIG[A-Z]+ )?signal")


def library_interruption(message):
    """The Interrupted a library's failure stands for when its handler caught our signal, or None."""
    found = LIBREPO_INTERRUPTED.search(message or "")
    return Interrupted((found.group(1) or "SIGINT").strip()) if found else None


class Interrupted(BaseException):
    """A signal stopped the run before the point of no return. A BaseException, so that no
    `except Exception` in a library or a step swallows it."""

    def __init__(self, name):
        super(Interrupted, self).__init__(name)
        self.name = name


def say(text):
    """One line on stderr; a dead terminal (SIGHUP) or a closed pipe fails quietly."""
    try:
        sys.stderr.write("almalinux-migrate: %s\n" % text)
        sys.stderr.flush()
    except (IOError, OSError, ValueError):
        pass


class Interrupts(object):
    def __init__(self, say=say):
        self.phase = BEFORE
        self.stop = None  # name of the signal that asked the run to stop
        self.notices = []  # (signal name, action) not yet written to the events file
        self.say = say
        self.installed = False

    def install(self):
        for signum in HANDLED:
            signal.signal(signum, self._handle)
        self.installed = True
        return self

    def reclaim(self):
        """Put our handlers back (a library may have replaced them at the C level, where
        Python's getsignal cannot see it); a no-op until install()."""
        if self.installed:
            self.install()

    def _note(self, name, action, text):
        self.notices.append((name, action))
        self.say(text)

    def _handle(self, signum, frame):
        name = signal_name(signum)
        if self.phase == FINISHED:
            self.say("%s: the run is over; it is only printing its result" % name)
            return
        if self.phase == AFTER:
            if signum == signal.SIGHUP:
                self._note(name, "ignored", "SIGHUP ignored: past the point of no return the "
                           "conversion carries on to the end")
            elif self.stop:
                self._note(name, "already_stopping", "%s: already stopping at the next step boundary "
                           "(asked by %s); the rpm transaction is never cut" % (name, self.stop))
            else:
                self.stop = name
                self._note(name, "stop_after_step", "%s: the conversion stops at the next step "
                           "boundary (the rpm transaction is never cut); `almalinux-migrate resume` "
                           "finishes it" % name)
            return
        if self.stop or self.phase == UNDOING:
            self.stop = self.stop or name
            self._note(name, "already_stopping", "%s: already stopping (%s); undoing what was "
                       "changed first" % (name, self.stop))
            return
        self.stop = name
        self._note(name, "stop_and_undo", "%s: stopping; what was changed is undone" % name)
        raise Interrupted(name)

    def caught_by_library(self, name):
        """A library's own handler caught the signal (librepo during a download) and failed
        its call: answer it as ours would have, and return the exception to raise."""
        if not self.stop:
            self.stop = name
            self._note(name, "stop_and_undo", "%s: stopping; what was changed is undone" % name)
        return Interrupted(name)

    def hangup_ignored(self):
        """SIGHUP set to SIG_IGN for the rpm transaction: an SSH session dropping sends it to the
        whole process group, and rpm's scriptlets (forked with SIGHUP at its default, which kills)
        keep an ignored disposition across exec; ours comes back afterwards."""
        return _HangupIgnored(self)

    def check(self):
        """Raise a stop asked for before the point of no return. Also one raised already: a
        raise inside a callback from C (librepo, dnf, rpm) is dropped there and the run goes on;
        one that did propagate moved the phase on (UNDOING), so it is not raised twice."""
        if self.stop and self.phase == BEFORE:
            raise Interrupted(self.stop)

    def take_notices(self):
        notices, self.notices = self.notices, []
        return notices


class _HangupIgnored(object):
    def __init__(self, interrupts):
        self.interrupts = interrupts

    def __enter__(self):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        return self

    def __exit__(self, *exc_info):
        if self.interrupts.installed:
            signal.signal(signal.SIGHUP, self.interrupts._handle)
        else:
            signal.signal(signal.SIGHUP, signal.SIG_DFL)


class blocked_signals(object):
    """Hold INT/TERM/HUP back while a file must be written whole (the journal): the handler runs
    right after, never in the middle."""

    def __enter__(self):
        self.previous = signal.pthread_sigmask(signal.SIG_BLOCK, HANDLED)
        return self

    def __exit__(self, *exc_info):
        signal.pthread_sigmask(signal.SIG_SETMASK, self.previous)


def quiet_rpm():
    """rpm exits the process on INT/TERM/HUP while an rpmdb is open unless told not to
    (rpmsqSetInterruptSafety, rpm.setInterruptSafety in the Python bindings): our handlers
    decide instead, so the transaction finishes and the journal is saved."""
    import rpm

    if hasattr(rpm, "setInterruptSafety"):
        with warnings.catch_warnings():  # newer bindings call it obsolete; EL8's rpm 4.14 needs it
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            rpm.setInterruptSafety(False)


def send_to_self(name):
    """Fault injection for the test suite (see migrate.faults)."""
    os.kill(os.getpid(), getattr(signal, name))

"""Run the phases' steps in order against the journal: skip what is done, undo on an early
failure, stop for `resume` on a late one. The only place that knows where the point of no
return is: between the reversible phases and the first one after them, crossed before that
phase's first step whether it runs or is skipped.

Signals (migrate.interrupts) are answered here: before the point of no return a stop undoes
what was done (exit 4); after it the run stops at the next step boundary (exit 5). A failed
undo is never reported as a rollback: the journal says `rollback_incomplete` (exit 6)."""
import logging
import time

from migrate import faults
from migrate import journal as J
from migrate.errors import FailedAfterPointOfNoReturn, MigrateError, RollbackIncomplete, RolledBack
from migrate.facts.pm_locks import collect_lock_holders
from migrate.interrupts import AFTER, UNDOING, Interrupted, Interrupts, blocked_signals
from migrate.layout import STATE_DIR
from migrate.logsetup import LogFile
from migrate.steps.base import NOT_APPLICABLE
from migrate.steps.remove_downloads import remove_downloads

log = logging.getLogger(__name__)

# Kept for the tests that import it from here (migrate.faults reads it).
KILL_BEFORE = faults.KILL_BEFORE


def _describe(exc):
    if isinstance(exc, Interrupted):
        return "stopped by %s" % exc.name
    return exc.message if isinstance(exc, MigrateError) else "%s: %s" % (type(exc).__name__, exc)


def _interrupts(ctx):
    """The run's signal state; a context made without one (unit tests) gets an idle one."""
    if getattr(ctx, "interrupts", None) is None:
        ctx.interrupts = Interrupts()
    return ctx.interrupts


def _past_point_of_no_return(ctx):
    _interrupts(ctx).phase = AFTER
    ctx.events.best_effort = True  # from here the events file never stops the conversion


def split_at_point_of_no_return(phases):
    """(reversible steps, the steps after the point of no return), in run order."""
    early, late = [], []
    for phase in phases:
        if phase.reversible and late:
            raise ValueError("phase %s is reversible but follows the point of no return" % phase.name)
        (early if phase.reversible else late).extend(phase.steps)
    return early, late


def run_steps(ctx, phases, journal):
    """Apply every phase's steps; raises RolledBack (4), FailedAfterPointOfNoReturn (5) or
    RollbackIncomplete (6) on failure."""
    early, late = split_at_point_of_no_return(phases)
    steps = early + late
    if journal.data["point_of_no_return_passed"]:
        _past_point_of_no_return(ctx)
    for index, step in enumerate(steps, 1):
        entry = journal.step(step.id)
        if entry["state"] in (J.DONE, J.SKIPPED):
            continue
        try:
            _boundary(ctx, journal, step.id)
            if index > len(early) and not journal.data["point_of_no_return_passed"]:
                _cross_point_of_no_return(ctx, journal)
            _run_one(ctx, journal, step, index, len(steps))
        except (Exception, Interrupted) as exc:
            if not journal.data["point_of_no_return_passed"]:
                _interrupts(ctx).phase = UNDOING  # first thing: a signal now must not cut the undo
            _failed(ctx, phases, journal, step, exc)
    journal.finish("done")


def _boundary(ctx, journal, step_id):
    """Between two steps: our signal handlers back, pending notices out, a stop honoured."""
    _interrupts(ctx).reclaim()
    faults.at_boundary(step_id, ctx.root.join(STATE_DIR))
    _emit_notices(ctx)
    _interrupts(ctx).check()
    if _interrupts(ctx).phase == AFTER and _interrupts(ctx).stop:
        raise _Stopped(_interrupts(ctx).stop, step_id)


def _emit_notices(ctx):
    for name, action in _interrupts(ctx).take_notices():
        ctx.events.emit("signal", signal=name, action=action)
        log.info("%s received: %s", name, action)


def _cross_point_of_no_return(ctx, journal):
    """Last look before nothing can be undone: a package manager that started meanwhile, or a
    log that can no longer be written, stops the run here (undone, exit 4)."""
    holders = collect_lock_holders(ctx.root)
    if holders:
        raise MigrateError("PACKAGE_MANAGER_RUNNING: %s; let it finish, then convert again"
                           % ", ".join(holders))
    if LogFile.error:
        raise MigrateError("cannot write the log (%s)" % LogFile.error)
    with blocked_signals():  # a signal now is answered as one after the point
        _interrupts(ctx).check()
        journal.passed_point_of_no_return()
        _past_point_of_no_return(ctx)
    faults.at_boundary("POINT_OF_NO_RETURN")
    ctx.events.emit("point_of_no_return")
    ctx.ui.point_of_no_return()
    log.info("passed the point of no return")


def _run_one(ctx, journal, step, index, total):
    ctx.step_position = (index, total)
    ctx.events.emit("step_started", step=step.id, title=step.title, index=index, total=total)
    log.info("step %d/%d %s started: %s", index, total, step.id, step.title)
    ctx.step_started_at = time.time()
    missing = ctx.run.missing(step.needs) if step.needs else ()
    if missing:  # a bug: the command did not build what the step reads
        raise MigrateError("internal error: step %s needs %s, which this run has not set"
                           % (step.id, ", ".join(missing)))
    reason = step.skip_reason(ctx)
    ctx.ui.step_started(step, shown=reason != NOT_APPLICABLE)
    if reason:
        _finish(ctx, journal, step, J.SKIPPED, reason)
        return
    journal.mark(step.id, J.RUNNING)
    if step.is_done(ctx):
        _finish(ctx, journal, step, J.DONE, "already done")
        return
    detail = step.apply(ctx) or ""
    _finish(ctx, journal, step, J.DONE, detail)


class _Stopped(Exception):
    """A signal asked to stop after the point of no return; raised at a step boundary."""

    def __init__(self, name, step_id):
        super(_Stopped, self).__init__(name)
        self.name, self.step_id = name, step_id


def _failed(ctx, phases, journal, step, exc):
    if journal.data["point_of_no_return_passed"]:
        _failed_late(ctx, journal, step, exc)
    interrupts = _interrupts(ctx)
    interrupts.phase = UNDOING
    if interrupts.stop and not isinstance(exc, Interrupted):
        # raised inside a library's callback, the signal comes back as the library's own error
        log.debug("step %s failed while stopping: %s", step.id, _describe(exc))
        exc = Interrupted(interrupts.stop)
    if not isinstance(exc, (MigrateError, Interrupted)):
        log.error("step %s crashed", step.id, exc_info=(type(exc), exc, exc.__traceback__))
    message = _describe(exc)
    if getattr(ctx.events, "error", None):  # raised inside a library's callback: name the cause
        message = "cannot write the events file %s" % ctx.events.error
    _emit_notices(ctx)
    unsaved = _try(lambda: _finish(ctx, journal, step, J.FAILED, message)) if \
        journal.step(step.id)["state"] == J.RUNNING else None
    failures = undo_steps(ctx, phases, journal)
    cause = ("Stopped by %s" % exc.name) if isinstance(exc, Interrupted) else \
        "Step %s failed: %s" % (step.id, message)
    if failures:
        unsaved = _try(lambda: journal.finish("rollback_incomplete")) or unsaved
        stopped = RollbackIncomplete(_with_unsaved(
            "%s. Undoing it did not finish; left: %s. Fix that, then run `almalinux-migrate "
            "rollback` again." % (cause, "; ".join(failures)), unsaved))
    else:
        unsaved = _try(lambda: journal.finish("rolled_back")) or unsaved
        stopped = RolledBack(_with_unsaved("%s. Every change was undone; the host is as it was." % cause,
                                           unsaved))
    stopped.finding = getattr(exc, "finding", None)  # a step's own finding, for the report
    raise stopped


def _failed_late(ctx, journal, step, exc):
    if isinstance(exc, _Stopped):
        unsaved = _try(lambda: journal.finish("failed", stopped_by=exc.name))
        raise FailedAfterPointOfNoReturn(_with_unsaved(
            "Stopped by %s before step %s (the rpm transaction was not cut). Run "
            "`almalinux-migrate resume` to finish the conversion." % (exc.name, exc.step_id), unsaved))
    if not isinstance(exc, MigrateError):
        log.error("step %s crashed", step.id, exc_info=(type(exc), exc, exc.__traceback__))
    message = _describe(exc)
    _emit_notices(ctx)
    unsaved = _try(lambda: _finish(ctx, journal, step, J.FAILED, message))
    unsaved = _try(lambda: journal.finish("failed")) or unsaved
    raise FailedAfterPointOfNoReturn(_with_unsaved(
        "Step %s failed after the point of no return: %s. Fix the cause, then run "
        "`almalinux-migrate resume`; it continues from this step." % (step.id, message), unsaved))


def _try(action):
    """Run a journal/events write in a failure path: its error text, or None."""
    try:
        action()
    except (MigrateError, IOError, OSError) as exc:
        log.error("%s", _describe(exc) if isinstance(exc, MigrateError) else exc)
        return _describe(exc) if isinstance(exc, MigrateError) else str(exc)
    return None


def _with_unsaved(message, unsaved):
    if not unsaved:
        return message
    return message + " Beware: " + unsaved + "; `status` may show an older state."


def _finish(ctx, journal, step, state, detail):
    journal.mark(step.id, state, detail)
    index, total = getattr(ctx, "step_position", None) or (None, None)
    started = getattr(ctx, "step_started_at", None)
    duration = round(time.time() - started, 3) if started else None
    ctx.events.emit("step_finished", step=step.id, outcome=state, detail=detail or None,
                    title=step.title, index=index, total=total, duration=duration)
    log.info("step %s finished: %s in %.1fs%s", step.id, state, duration or 0.0,
             (": " + detail) if detail else "")
    ctx.ui.step_finished(step, state, detail)


def undo_steps(ctx, phases, journal):
    """Undo the reversible phases' started steps in reverse, carrying on past an undo that
    fails; the downloads go first (a full disk gets its space back before anything is
    restored). Returns what is left."""
    early, _ = split_at_point_of_no_return(phases)
    failures = []
    try:
        if getattr(ctx, "workdir", None):
            remove_downloads(ctx)
    except (IOError, OSError) as exc:
        log.warning("cannot remove the downloaded packages: %s", exc)
    for step in reversed(early):
        entry = journal.step(step.id)
        if entry["state"] not in (J.DONE, J.RUNNING, J.FAILED):
            continue
        try:
            step.undo(ctx)
        except Exception as exc:
            log.error("undo of %s failed", step.id, exc_info=True)
            failures.append("%s (%s)" % (step.id, _describe(exc)))
            continue
        if entry["state"] != J.FAILED:  # a failed step keeps its state and why it failed
            failed = _try(lambda: journal.mark(step.id, J.UNDONE, entry["detail"]))
            if failed:
                failures.append("%s (undone, but the journal does not say so: %s)" % (step.id, failed))
    return failures

"""Run steps in order against the journal: skip what is done, undo on an early failure,
stop for `resume` on a late one. The only place that knows where the point of no return is."""
import logging
import os
import signal
import time

from migrate import journal as J
from migrate.errors import FailedAfterPointOfNoReturn, MigrateError, RolledBack
from migrate.steps.base import NOT_APPLICABLE

log = logging.getLogger(__name__)

# Fault injection for the test suite: SIGKILL ourselves right before the named step starts,
# exactly as a power cut or an OOM kill would. Never set outside tests.
KILL_BEFORE = "ALMALINUX_MIGRATE_TEST_KILL_BEFORE"


def _describe(exc):
    return exc.message if isinstance(exc, MigrateError) else "%s: %s" % (type(exc).__name__, exc)


def run_steps(ctx, steps, journal):
    """Apply every step; raises RolledBack (4) or FailedAfterPointOfNoReturn (5) on failure."""
    for index, step in enumerate(steps, 1):
        entry = journal.step(step.id)
        if entry["state"] in (J.DONE, J.SKIPPED):
            continue
        _maybe_killed(step.id)
        if step.after_point_of_no_return and not journal.data["point_of_no_return_passed"]:
            journal.passed_point_of_no_return()
            _maybe_killed("POINT_OF_NO_RETURN")
            ctx.events.emit("point_of_no_return")
            ctx.ui.point_of_no_return()
            log.info("passed the point of no return")
        position = {"title": step.title, "index": index, "total": len(steps)}
        ctx.step_position = (index, len(steps))
        ctx.events.emit("step_started", step=step.id, **position)
        log.info("step %d/%d %s started: %s", index, len(steps), step.id, step.title)
        ctx.step_started_at = time.time()
        reason = step.skip_reason(ctx)
        ctx.ui.step_started(step, shown=reason != NOT_APPLICABLE)
        if reason:
            _finish(ctx, journal, step, J.SKIPPED, reason)
            continue
        journal.mark(step.id, J.RUNNING)
        try:
            if step.is_done(ctx):
                _finish(ctx, journal, step, J.DONE, "already done")
                continue
            detail = step.apply(ctx) or ""
        except Exception as exc:
            if not isinstance(exc, MigrateError):
                log.exception("step %s crashed", step.id)
            message = _describe(exc)
            _finish(ctx, journal, step, J.FAILED, message)
            if step.after_point_of_no_return:
                journal.finish("failed")
                raise FailedAfterPointOfNoReturn(
                    "Step %s failed after the point of no return: %s. Fix the cause, then run "
                    "`almalinux-migrate resume`; it continues from this step." % (step.id, message))
            undo_steps(ctx, steps, journal)
            journal.finish("rolled_back")
            rolled_back = RolledBack("Step %s failed: %s. Every change was undone; the host is as "
                                     "it was." % (step.id, message))
            rolled_back.finding = getattr(exc, "finding", None)  # a step's own finding, for the report
            raise rolled_back
        _finish(ctx, journal, step, J.DONE, detail)
    journal.finish("done")


def _maybe_killed(boundary):
    if os.environ.get(KILL_BEFORE) == boundary:
        os.kill(os.getpid(), signal.SIGKILL)


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


def undo_steps(ctx, steps, journal):
    """Undo started steps in reverse, carrying on past an undo that fails."""
    failures = []
    for step in reversed(steps):
        entry = journal.step(step.id)
        if step.after_point_of_no_return or entry["state"] not in (J.DONE, J.RUNNING, J.FAILED):
            continue
        try:
            step.undo(ctx)
        except Exception as exc:
            log.exception("undo of %s failed", step.id)
            failures.append("%s: %s" % (step.id, exc))
            continue
        if entry["state"] != J.FAILED:  # a failed step keeps its state and why it failed
            journal.mark(step.id, J.UNDONE, entry["detail"])
    return failures

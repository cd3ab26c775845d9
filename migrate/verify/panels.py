"""`verify --boot` runs the control panels' repair commands the conversion left pending
(migrate.steps.run_panel_actions): after the reboot, when the network and the panel's own
services are up. Each command gets a timeout and a progress event; the outcome is a finding.
A command that succeeded is done; one that failed stays pending for the next `verify --boot`.
Under --root they run chrooted."""
import logging

from migrate.findings import raised_finding
from migrate.runner import TIMED_OUT
from migrate.steps.run_panel_actions import pending_actions, save_pending

log = logging.getLogger(__name__)

STEP = "PANEL_ACTIONS"  # the progress events' `step`
TIMEOUT = 3600  # seconds per command: upcp --force takes 10-40 minutes on a busy host


def run_panel_actions(ctx, timeout=TIMEOUT):
    """Run the pending commands; [] when there are none, else one finding."""
    actions = pending_actions(ctx.root)
    if not actions:
        return []
    outcomes, left, failed = [], [], False
    for index, action in enumerate(actions):
        argv = list(action["argv"])
        label = "%s: %s" % (action["panel"], " ".join(argv))
        ctx.progress(STEP, index, len(actions), "commands", current=label)
        if not ctx.root.exists(argv[0]):
            outcomes.append("%s: missing" % label)
            failed = True
            left.append(action)
            continue
        command = argv if ctx.root.is_live else ["chroot", ctx.root.path] + argv
        log.info("panel repair: %s (timeout %ds)", label, timeout)
        result = ctx.runner.run(command, check=False, timeout=timeout)
        if result.returncode == 0:
            outcomes.append("%s: ok" % label)
            continue
        failed = True
        left.append(action)
        why = ("timed out after %ds" % timeout if result.returncode == TIMED_OUT
               else "exit %d" % result.returncode)
        tail = (result.stderr or result.stdout or "").strip().splitlines()[-1:]
        outcomes.append("%s: FAILED (%s%s)" % (label, why, (": " + tail[0]) if tail else ""))
        log.warning("panel repair %s failed (%s)", label, why)
    ctx.progress(STEP, len(actions), len(actions), "commands")
    save_pending(ctx.root, left)
    finding_id = "PANEL_ACTIONS_FAILED" if failed else "PANEL_ACTIONS_DONE"
    return [raised_finding(finding_id, "; ".join(outcomes), data={"outcomes": outcomes})]

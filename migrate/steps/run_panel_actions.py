"""After the conversion each hosting panel needs its own repair run (cPanel upcp, Plesk repair,
DirectAdmin CustomBuild; commands in profiles/panels.toml). Those are the panels' tools: they
need their vendors' network, run for many minutes and can fail for reasons of their own. So
the conversion does not run them (nothing after the point of no return needs the network):
this step only records them as pending, and `verify --boot`, after the reboot, runs them
with a timeout and progress and reports the outcome as a finding (migrate.verify.panels)."""
import json
import logging

from migrate.layout import PANEL_ACTIONS
from migrate.steps.base import Step

log = logging.getLogger(__name__)

PENDING_FILE = PANEL_ACTIONS


def pending_actions(root):
    """[{"panel", "argv"}] still to run; [] when none (or the file is unreadable)."""
    try:
        data = json.loads(root.read_text(PENDING_FILE, "[]"))
    except ValueError:
        return []
    return [a for a in data if isinstance(a, dict) and a.get("panel") and a.get("argv")]


def save_pending(root, actions):
    if actions:
        root.write_text(PENDING_FILE, json.dumps(actions, indent=1), mode=0o600)
    else:
        root.remove(PENDING_FILE)


class RunPanelActions(Step):
    id = "RUN_PANEL_ACTIONS"
    title = "Schedule the control panels' repairs for after the reboot"
    needs = ("facts",)

    def applies(self, ctx):
        return bool(ctx.facts is not None and any(p.post_convert for p in ctx.facts.panels))

    def apply(self, ctx):
        actions = [{"panel": panel.name, "argv": list(argv)}
                   for panel in ctx.facts.panels for argv in panel.post_convert]
        save_pending(ctx.root, actions)
        return "deferred to `almalinux-migrate verify --boot` after the reboot: %s" % "; ".join(
            "%s: %s" % (a["panel"], " ".join(a["argv"])) for a in actions)

"""After the conversion each hosting panel needs its own repair run (cPanel upcp, Plesk repair,
DirectAdmin CustomBuild; commands in profiles/panels.toml). They are the panels' tools, may need
their vendors' network and can fail for reasons of their own, so a failure is recorded and
logged for the admin, never turned into a failed conversion. Under --root they run chrooted."""
import logging

from migrate.steps.base import Step

log = logging.getLogger(__name__)


class RunPanelActions(Step):
    id = "RUN_PANEL_ACTIONS"
    title = "Run the control panels' post-conversion repairs"
    after_point_of_no_return = True

    def applies(self, ctx):
        return bool(ctx.facts is not None and any(p.post_convert for p in ctx.facts.panels))

    def apply(self, ctx):
        outcomes = []
        for panel in ctx.facts.panels:
            for argv in panel.post_convert:
                if not ctx.root.exists(argv[0]):
                    outcomes.append("%s: %s missing" % (panel.name, argv[0]))
                    continue
                command = list(argv) if ctx.root.is_live else ["chroot", ctx.root.path] + list(argv)
                result = ctx.runner.run(command, check=False)
                if result.returncode != 0:
                    log.warning("%s: %s exited %d; run it by hand", panel.name, " ".join(argv),
                                result.returncode)
                outcomes.append("%s: %s %s" % (panel.name, " ".join(argv),
                                               "ok" if result.returncode == 0 else
                                               "FAILED (exit %d, see the log)" % result.returncode))
        return "; ".join(outcomes)

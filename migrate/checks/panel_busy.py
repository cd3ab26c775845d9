"""A panel's own updater, installer or backup running beside the conversion fights it for the
package manager and the files it replaces; cPanel's ELevate refuses to start beside upcp or a
backup for the same reason. Wait for it to finish (the processes are in profiles/panels.toml)."""
from migrate.checks.base import BLOCKER, Check, Problem


class PanelBusy(Check):
    id = "PANEL_BUSY"
    conversion_only = True
    severity = BLOCKER
    needs_live = True
    title = "A control panel's updater or backup is running"
    remediation = "Wait until it finishes (or stop it), then run the conversion again."

    def evaluate(self, facts, given):
        busy = ["%s: %s" % (p.name, line) for p in facts.panels for line in (p.busy or ())]
        if busy:
            return Problem("; ".join(busy), data={"processes": busy})
        return None

"""Hosting panels ship their own repos, services and version gates. cPanel and DirectAdmin
support AlmaLinux and only need their update run afterwards; Plesk supports it from 18.0.35
on and older versions break (almalinux-deploy refuses them:
github.com/AlmaLinux/almalinux-deploy)."""
from migrate.checks.base import BLOCKER, WARNING, Check, Problem

def _version_tuple(text):
    return tuple(int(part) for part in text.split(".") if part.isdigit())


class ControlPanel(Check):
    id = "CONTROL_PANEL"
    conversion_only = True
    severity = WARNING
    severity_doc = "warning; blocker for Plesk older than 18.0.35"
    overridable = True
    title = "A hosting control panel is installed"
    remediation = ("Update the panel to its newest release first; after the reboot `almalinux-migrate verify "
                   "--boot` runs its own update (cPanel: /scripts/upcp --force; Plesk: plesk repair "
                   "installation; DirectAdmin: da build update).")

    def evaluate(self, facts, given):
        if not facts.panels:
            return None
        described, too_old = [], []
        for panel in facts.panels:
            described.append("%s %s" % (panel.name, panel.version or "(version unknown)"))
            minimum = _version_tuple(panel.min_version)
            if minimum and panel.version and _version_tuple(panel.version) < minimum:
                too_old.append("%s %s is older than %s" % (panel.name, panel.version, panel.min_version))
        data = {"panels": [{"name": p.name, "version": p.version or None} for p in facts.panels]}
        if too_old:
            return Problem("; ".join(too_old) + ".", severity=BLOCKER, data=data)
        return Problem(", ".join(described) + ".", data=data)

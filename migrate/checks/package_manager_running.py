"""Two writers on one rpmdb corrupt it, and dnf's lock makes our transaction fail late. A
running dnf/yum/rpm (or dnf-automatic from a timer) must finish first. PackageKit's idle
daemon only warns: it takes the lock when it acts, not while it waits. Under --root the
locks in the root are probed (migrate.facts.pm_locks): a dnf --installroot on it blocks too."""
from migrate.checks.base import BLOCKER, WARNING, Check, Problem

IDLE_DAEMONS = ("packagekitd",)


class PackageManagerRunning(Check):
    id = "PACKAGE_MANAGER_RUNNING"
    conversion_only = True
    severity = BLOCKER
    severity_doc = "blocker; warning when only PackageKit's daemon idles"
    live_doc = "no (processes: live only; locks: under --root too)"
    title = "Another package manager is running or holds the dnf lock"
    remediation = ("Wait for it to finish (or stop it: systemctl stop dnf-automatic.timer "
                   "packagekit), then run preflight again.")

    def evaluate(self, facts, given):
        running = facts.package_managers_running or ()
        if not running:
            return None
        severity = WARNING if all(r.split(" ")[0] in IDLE_DAEMONS for r in running) else None
        return Problem(", ".join(running), severity=severity, data={"processes": list(running)})

"""The source's own repos have updates the host has not installed: it is not fully updated
before the conversion (convert2rhel PACKAGE_UPDATES; almalinux-deploy asks for `dnf update`
first). A warning, never a blocker: the conversion syncs every package to AlmaLinux's build
anyway, but a host updated first converts from a state its vendor supported, with fewer
downgrades and a smaller jump, and a failed update is found before the conversion rather than
inside it. Best effort: the old vendor's repos are never required, so when none of them can be
reached the check is listed as not run, with the reason."""
from migrate.checks.base import SOURCE, WARNING, Check, Problem, summarize


class PendingUpdates(Check):
    id = "PENDING_UPDATES"
    phase = SOURCE
    conversion_only = True
    severity = WARNING
    requires = ("ROOT_PATH_ESCAPES", "UNSUPPORTED_SOURCE", "RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE")
    title = "The source's own repositories have updates that are not installed"
    remediation = ("Update the host first (`dnf update`, then reboot if the kernel changed) and run "
                   "preflight again; or convert as it is: every package is synced to AlmaLinux's build.")

    def unavailable(self, facts, given):
        probe = given.source_updates
        if probe is None:
            return "no enabled repository of the source vendor"
        if not probe.checked:
            return "the source's repositories could not be reached: " + "; ".join(probe.unreachable)
        return None

    def evaluate(self, facts, given):
        probe = given.source_updates
        if not probe.updates:
            return None
        names = ["%s-%s.%s (installed %s)" % (u.name, u.available, u.arch, u.installed) for u in probe.updates]
        detail = "%d package(s): %s" % (len(names), summarize(names))
        if probe.unreachable:
            detail += "; not checked: " + "; ".join(probe.unreachable)
        return Problem(detail, data={
            "updates": [{"name": u.name, "arch": u.arch, "installed": u.installed, "available": u.available,
                         "repo": u.repo} for u in probe.updates],
            "repos": list(probe.checked), "unreachable": list(probe.unreachable)})

"""The conversion resolves in its own dnf configuration, which loads no plugins, so it reads
the versionlock plugin's list itself: every installed package a lock holds is kept out of the
sync like --exclude (reported as a leftover, reason `excluded`), unless --ignore-versionlock.
Either way the admin should know: a held package stays the old vendor's build, a released one
moves and its lock then names the old vendor's build."""
from migrate.checks.base import WARNING, Check, Problem, summarize


class VersionlockEntries(Check):
    id = "VERSIONLOCK_ENTRIES"
    conversion_only = True
    severity = WARNING
    title = "dnf versionlock holds packages"
    remediation = ("Locked packages stay out of the sync (leftovers, reason excluded); to convert them "
                   "too, run with --ignore-versionlock, or clear the locks (dnf versionlock clear) and "
                   "re-add what is still needed after converting.")

    def evaluate(self, facts, given):
        config = facts.dnf_config
        if not config.versionlock:
            return None
        state = "enabled" if config.versionlock_enabled else "plugin disabled"
        ignored = bool(getattr(given.options, "ignore_versionlock", False))
        return Problem("%d entr%s (%s; %s): %s" % (
            len(config.versionlock), "y" if len(config.versionlock) == 1 else "ies", state,
            "synced anyway: --ignore-versionlock" if ignored else "held back from the sync",
            summarize(config.versionlock, 10)),
            data={"entries": list(config.versionlock), "enabled": config.versionlock_enabled,
                  "honoured": not ignored})

"""The conversion resolves in its own dnf configuration, which loads no plugins: versionlock
entries do not hold anything back. The admin locked those versions for a reason and should
know they will move; afterwards the entries name the old vendor's builds."""
from migrate.checks.base import WARNING, Check, Problem, summarize


class VersionlockEntries(Check):
    id = "VERSIONLOCK_ENTRIES"
    conversion_only = True
    severity = WARNING
    title = "dnf versionlock holds packages the conversion will change anyway"
    remediation = ("Review the locks (dnf versionlock list); clear them (dnf versionlock clear) and "
                   "re-add what is still needed after converting.")

    def evaluate(self, facts, given):
        config = facts.dnf_config
        if not config.versionlock:
            return None
        state = "enabled" if config.versionlock_enabled else "plugin disabled"
        return Problem("%d entr%s (%s): %s" % (len(config.versionlock), "y" if len(config.versionlock) == 1 else "ies",
                                               state, summarize(config.versionlock, 10)),
                       data={"entries": list(config.versionlock), "enabled": config.versionlock_enabled})

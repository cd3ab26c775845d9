"""Only the same major version is a target (no cross-major upgrades: that is leapp's job)."""
from migrate.checks.base import BLOCKER, Check, Problem


class UnsupportedTarget(Check):
    id = "UNSUPPORTED_TARGET"
    severity = BLOCKER
    requires = ("UNSUPPORTED_SOURCE", "ALREADY_CONVERTED")
    title = "The requested AlmaLinux version is not a target for this host"
    remediation = "Omit --target for the latest minor of the same major, or give e.g. --target 9.4."

    def evaluate(self, facts, given):
        target, source = given.target, given.source
        if source.profile is not None and source.profile.is_target:
            return None
        if target.major is None:
            return Problem("%r is not an AlmaLinux version." % target.version)
        if target.major != source.major:
            return Problem("AlmaLinux %s is a different major version than %s %s."
                           % (target.version, source.name, source.version))
        if target.profile is None:
            return Problem("There is no target profile for AlmaLinux %d." % target.major)
        return None

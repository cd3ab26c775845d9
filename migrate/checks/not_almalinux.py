"""`verify` answers for an AlmaLinux host only: anything else is told to convert first."""
from migrate.checks.base import VERIFY, Check, Problem


class NotAlmalinux(Check):
    id = "NOT_ALMALINUX"
    title = "This host does not run AlmaLinux"
    remediation = "Convert it with `almalinux-migrate convert`, or `resume` an unfinished run."
    phase = VERIFY

    def evaluate(self, facts, given):
        profile = given.source.profile
        if profile is not None and profile.is_target and given.target.profile is not None:
            return None
        return Problem("os-release ID is %r." % (facts.os_release.os_id or None))

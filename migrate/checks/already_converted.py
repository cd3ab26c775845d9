"""A host that already runs AlmaLinux has nothing to convert: say so, change nothing, exit 0."""
from migrate.checks.base import INFO, Check, Problem


class AlreadyConverted(Check):
    id = "ALREADY_CONVERTED"
    severity = INFO
    requires = ("UNSUPPORTED_SOURCE",)
    title = "This host already runs AlmaLinux"
    remediation = "Nothing to do; `almalinux-migrate verify` lists packages still from other vendors."

    def evaluate(self, facts, given):
        if given.source.profile is not None and given.source.profile.is_target:
            return Problem("%s %s is installed." % (given.source.name, given.source.version))
        return None

"""os-release says one distribution but the installed release package is another's: an
edited os-release, or a conversion someone started by hand. Planning from either is a guess."""
from migrate.checks.base import WARNING, Check, Problem


class ReleasePackageMismatch(Check):
    id = "RELEASE_PACKAGE_MISMATCH"
    severity = WARNING
    requires = ("UNSUPPORTED_SOURCE", "RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE")
    title = "The installed release package does not match /etc/os-release"
    remediation = ("Check `rpm -qf /etc/os-release` and `rpm -q --whatprovides system-release`; "
                   "reinstall the right release package before converting.")

    def evaluate(self, facts, given):
        profile = given.source.profile
        if profile is None or profile.is_target or not facts.packages:
            return None
        expected = set(profile.release_packages)
        if not facts.release_packages:
            return Problem("No installed package provides system-release.")
        if expected and not expected & set(facts.release_packages):
            return Problem("os-release says %s, but the release package is %s."
                           % (profile.name, ", ".join(facts.release_packages)))
        return None

"""Each architecture has its own packages and boot path; an unknown one is refused."""
from migrate.checks.base import BLOCKER, Check, Problem


class UnsupportedArch(Check):
    id = "UNSUPPORTED_ARCH"
    severity = BLOCKER
    requires = ("UNSUPPORTED_SOURCE", "UNSUPPORTED_TARGET", "RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE")
    title = "The architecture is not supported by the target"
    remediation = "AlmaLinux supports x86_64, aarch64, ppc64le and s390x; this host cannot be converted."

    def evaluate(self, facts, given):
        target = given.target
        if target.profile is None:
            return None
        if not facts.arch:
            return Problem("No installed architecture-specific package tells the architecture "
                           "(is the rpmdb empty or unreadable?).")
        if facts.arch not in target.profile.architectures:
            return Problem("%s is not one of %s." % (facts.arch, ", ".join(target.profile.architectures)))
        return None

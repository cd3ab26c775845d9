"""Only distributions we have a profile for are converted; anything else is refused whole,
never half-converted (Debian, Fedora, an unknown rebuild, a garbage os-release)."""
from migrate.checks.base import BLOCKER, Check, Problem


class UnsupportedSource(Check):
    id = "UNSUPPORTED_SOURCE"
    severity = BLOCKER
    title = "This system is not a supported source for conversion"
    remediation = ("Run `almalinux-migrate profiles` to see the supported sources; the host must "
                   "have a readable /etc/os-release of one of them.")

    def evaluate(self, facts, given):
        source = given.source
        osr = facts.os_release
        if not osr.os_id:
            return Problem("No usable /etc/os-release (missing, unreadable or without an ID) in %s."
                           % facts.root_path)
        if source.profile is None:
            return Problem("%s (ID=%s, VERSION_ID=%s) is not a supported source."
                           % (osr.pretty_name or osr.name or osr.os_id, osr.os_id, osr.version_id or "?"))
        if source.major is None:
            return Problem("Cannot tell the major version of %s from VERSION_ID=%r."
                           % (source.profile.name, source.version))
        if source.major not in source.profile.majors:
            return Problem("%s %s is not supported; supported majors: %s."
                           % (source.profile.name, source.major,
                              ", ".join(str(m) for m in source.profile.majors)))
        return None

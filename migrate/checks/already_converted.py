"""A host that already runs AlmaLinux has nothing to convert: say so, change nothing, exit 0.
The detail says whether its release package is signed by a trusted AlmaLinux key (expired
keys count: AlmaLinux 8.9's packages carry the 2021 key's subkey), so an os-release that only
claims AlmaLinux is visible."""
from migrate.checks.base import INFO, Check, Problem


class AlreadyConverted(Check):
    id = "ALREADY_CONVERTED"
    severity = INFO
    requires = ("UNSUPPORTED_SOURCE",)
    title = "This host already runs AlmaLinux"
    remediation = "Nothing to do; `almalinux-migrate verify` lists packages still from other vendors."

    def evaluate(self, facts, given):
        if given.source.profile is None or not given.source.profile.is_target:
            return None
        detail = "%s %s is installed." % (given.source.name, given.source.version)
        if given.origin_keyids is None:
            return Problem(detail)
        names = set(facts.release_packages)
        release = [p for p in facts.packages if p.name in names]
        trusted = bool(release) and all(p.keyid in given.origin_keyids for p in release)
        if trusted:
            detail += " %s is signed by a trusted AlmaLinux key." % ", ".join(p.nevra for p in release)
        else:
            detail += " Its release package (%s) is not signed by a trusted AlmaLinux key (%s)." % (
                ", ".join(p.nevra for p in release) or "none",
                ", ".join(sorted(set(p.keyid or "unsigned" for p in release))) or "-")
        return Problem(detail, data={"release_signed_by_trusted_key": trusted})

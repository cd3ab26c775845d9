"""Packages of neither the source vendor nor AlmaLinux are left as they are: the admin should
know which before converting, and which --third-party policy applies to their repos
(convert2rhel LIST_THIRD_PARTY_PACKAGES)."""
from migrate.checks.base import INFO, Check, Problem, summarize
from migrate.checks.vendors import third_party_packages


class ThirdPartyPackages(Check):
    id = "THIRD_PARTY_PACKAGES"
    conversion_only = True
    severity = INFO
    requires = ("UNSUPPORTED_SOURCE", "RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE")
    title = "Packages from other vendors are installed"
    remediation = ("They are left as they are; check their vendors publish builds for AlmaLinux. "
                   "`almalinux-migrate verify` lists them again afterwards.")

    def evaluate(self, facts, given):
        if given.source.profile is None:
            return None
        third = third_party_packages(facts, given)
        if not third:
            return None
        vendors = sorted(set(p.vendor or "(no vendor)" for p in third))
        return Problem("%d package(s) from %s, repo policy %s: %s" % (
            len(third), ", ".join(vendors), given.options.third_party, summarize(p.name for p in third)),
            data={"packages": [p.nevra for p in third], "vendors": vendors, "policy": given.options.third_party})

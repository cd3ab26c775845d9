"""Repos that are neither the source's nor AlmaLinux's stay as the --third-party policy says;
the list tells the admin what the conversion will not touch."""
from migrate.checks.base import INFO, Check, Problem
from migrate.source import third_party_sections


class ThirdPartyRepos(Check):
    id = "THIRD_PARTY_REPOS"
    severity = INFO
    requires = ("UNSUPPORTED_SOURCE",)
    title = "Third-party repositories are enabled"
    remediation = ("Their packages are left as they are; check they publish builds for AlmaLinux. "
                   "--third-party disable keeps them out of the conversion.")

    def evaluate(self, facts, given):
        profile = given.source.profile
        if profile is None or profile.is_target:
            return None
        third = ["%s (%s)" % (repo_id, path) for path, repo_id in third_party_sections(facts, profile)]
        if third:
            return Problem("Policy %s: %s" % (given.options.third_party, ", ".join(third)),
                           data={"repos": third, "policy": given.options.third_party})
        return None

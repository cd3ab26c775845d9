"""The plan removes a FIPS crypto provider that conflicts with AlmaLinux's (profile
`conflicts` with `fips_provider`) while the kernel runs in FIPS mode: until the reboot into
AlmaLinux's certified modules the host would run FIPS mode without its provider. Rocky's
migrate2rocky checks FIPS mode before the same removal; almalinux-deploy does not look
(github.com/AlmaLinux/almalinux-deploy)."""
from migrate.checks.base import BLOCKER, TARGET, Check, Problem
from migrate.plan.conflicts import fips_providers_removed, known_conflicts


class FipsProviderRemoval(Check):
    id = "FIPS_PROVIDER_REMOVAL"
    severity = BLOCKER
    phase = TARGET
    needs_live = True
    conversion_only = True
    requires = ("TRANSACTION_UNSOLVABLE",)
    title = "The conversion would remove the FIPS provider of a host in FIPS mode"
    remediation = ("Leave FIPS mode first (fips-mode-setup --disable, reboot), convert, then enable it "
                   "again with AlmaLinux's modules (fips-mode-setup --enable, reboot).")

    def evaluate(self, facts, given):
        if not facts.fips_enabled or not given.plan:
            return None
        conflicts = known_conflicts(given.source.profile, given.target.profile)
        removed = fips_providers_removed(given.plan, conflicts)
        if removed:
            return Problem("FIPS mode is on and the plan removes %s: %s"
                           % (", ".join(removed), conflicts[removed[0]]["reason"]),
                           data={"packages": removed})
        return None

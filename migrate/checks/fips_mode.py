"""FIPS mode ties crypto to certified module builds: after a conversion the AlmaLinux builds
run instead, and FIPS-only packages (openssl-fips-provider) are swapped. Rocky's and Leapp's
tools check it; almalinux-deploy removes the provider without looking
(github.com/AlmaLinux/almalinux-deploy)."""
from migrate.checks.base import WARNING, Check, Problem


class FipsMode(Check):
    id = "FIPS_MODE"
    conversion_only = True
    severity = WARNING
    needs_live = True
    title = "The kernel runs in FIPS mode"
    remediation = ("Check that your compliance allows AlmaLinux's FIPS modules; after the reboot run "
                   "`fips-mode-setup --check`. To convert without it: fips-mode-setup --disable, reboot.")

    def evaluate(self, facts, given):
        if facts.fips_enabled:
            return Problem("/proc/sys/crypto/fips_enabled is 1.")
        return None

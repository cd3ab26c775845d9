"""A profile swap whose AlmaLinux package the mirror lacks (Oracle's oracle-epel-release-elN
-> epel-release, which lives in AlmaLinux's extras): the old package would go with nothing in
its place. The plan keeps the old package instead, and this finding says so; the admin
mirrors the missing repo or accepts keeping the old package."""
from migrate.checks.base import BLOCKER, TARGET, Check, Problem


class SwapTargetMissing(Check):
    id = "SWAP_TARGET_MISSING"
    severity = BLOCKER
    overridable = True
    phase = TARGET
    requires = ("TRANSACTION_UNSOLVABLE",)
    title = "The mirror lacks packages that replace some of the old vendor's"
    remediation = ("Mirror the repository that carries them (AlmaLinux's extras carries epel-release), "
                   "or run again with --allow SWAP_TARGET_MISSING to keep the old packages as they are.")

    def evaluate(self, facts, given):
        swaps = [s for s in (given.plan or {}).get("swapped", []) if s["kind"] == "unavailable"]
        if not swaps:
            return None
        pairs = ["%s -> %s" % (", ".join(s["from"]), ", ".join(s["to"])) for s in swaps]
        return Problem("not on the mirror: " + "; ".join(pairs),
                       data={"packages": sorted(n for s in swaps for n in s["to"])})

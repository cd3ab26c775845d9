"""Packages without an AlmaLinux counterpart stay from their old vendor; the admin should
know which before converting."""
from migrate.checks.base import INFO, TARGET, Check, Problem


class LeftoverPackages(Check):
    id = "LEFTOVER_PACKAGES"
    severity = INFO
    phase = TARGET
    requires = ("TRANSACTION_UNSOLVABLE",)
    title = "Some packages will stay from other vendors"
    remediation = "Review the plan's left_alone list; remove what is no longer needed after converting."

    def evaluate(self, facts, given):
        left = (given.plan or {}).get("left_alone", [])
        if not left:
            return None
        return Problem("%d package(s): %s" % (len(left), ", ".join(e["name"] for e in left[:30])),
                       data={"count": len(left)})

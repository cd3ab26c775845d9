"""Sources ahead of AlmaLinux (CentOS Stream above all) need packages downgraded; that only
happens when the admin asked for it with --downgrade. Lateral moves (AlmaLinux's build of the
same upstream release under another vendor's mark, plan list `lateral`) are not downgrades:
counting them would block every Rocky and Oracle host and make the flag meaningless."""
from migrate.checks.base import BLOCKER, INFO, TARGET, Check, Problem


class DowngradeRequired(Check):
    id = "DOWNGRADE_REQUIRED"
    severity = BLOCKER
    severity_doc = "blocker; info with `--downgrade`"
    phase = TARGET
    requires = ("TRANSACTION_UNSOLVABLE",)
    title = "Some packages are newer than AlmaLinux's and would be downgraded"
    remediation = "Run again with --downgrade to accept the downgrades listed in the plan."

    def evaluate(self, facts, given):
        plan = given.plan or {}
        names = [e["name"] for e in plan.get("downgraded", [])]
        if not names:
            return None
        shown = ", ".join(names[:20]) + (" and %d more" % (len(names) - 20) if len(names) > 20 else "")
        severity = INFO if given.options.downgrade else None
        return Problem("%d package(s): %s" % (len(names), shown), severity=severity,
                       data={"count": len(names)})

"""The plan as plain data: what the transaction would remove, swap, change and leave behind.

Kept as a dict of lists so the journal, the report and `resume` share one shape."""

# lateral: AlmaLinux's build of the same upstream release under another vendor mark (lateral.py)
PLAN_KEYS = ("removed", "swapped", "upgraded", "downgraded", "lateral", "reinstalled", "installed",
             "left_alone")

LEFT_NO_COUNTERPART = "no_counterpart"
LEFT_THIRD_PARTY = "third_party"
LEFT_KEPT = "kept"  # the profile keeps it on purpose (Oracle's UEK kernels)
LEFT_EXCLUDED = "excluded"  # --exclude, or a versionlock entry (migrate.plan.excludes)
LEFT_FALLBACK_KERNEL = "fallback_kernel"  # the old vendor's kernel, kept to boot if AlmaLinux's fails


def empty_plan():
    plan = dict((key, []) for key in PLAN_KEYS)
    plan["download_size"] = 0
    plan["repos"] = []
    return plan


def plan_counts(plan):
    return dict((key, len(plan.get(key, []))) for key in PLAN_KEYS)


def classify_leftover(package, source_vendors, kept=(), excluded=()):
    """Why a package stays foreign: excluded by the operator, kept by the profile, the
    source's, or somebody else's."""
    if package.name in excluded:
        return LEFT_EXCLUDED
    if package.name in kept:
        return LEFT_KEPT
    if package.vendor in source_vendors:
        return LEFT_NO_COUNTERPART
    return LEFT_THIRD_PARTY


def leftover_entry(package, reason):
    return {"name": package.name, "nevra": package.nevra, "vendor": package.vendor or None,
            "keyid": package.keyid, "reason": reason}

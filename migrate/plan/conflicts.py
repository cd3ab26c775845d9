"""Installed packages known to conflict with the target's (profile data `conflicts`, from the
target profile for every source of that major and from the source's own): removed in the
conversion's transaction, each with its reason in the plan's `removed` list. rpm's test
transaction (plan/test_transaction.py) catches the conflicts nobody listed yet."""


def known_conflicts(source_profile, target_profile):
    """{package name: {"reason": str, "fips_provider": bool}}; the source's entries win."""
    merged = {}
    for profile in (target_profile, source_profile):
        for name, entry in sorted(((profile.conflicts if profile else None) or {}).items()):
            merged[name] = {"reason": entry["reason"], "fips_provider": bool(entry.get("fips_provider"))}
    return merged


def mark_conflicts(base, installed, conflicts):
    """Put the removal of every installed conflicting package into dnf's goal."""
    for name in sorted(conflicts):
        for package in installed.filter(name=name):
            base.package_remove(package)


def annotate_removed(plan, conflicts):
    """Give the plan's `removed` entries of known conflicts their reason."""
    for entry in plan.get("removed", []):
        if entry["name"] in conflicts:
            entry["reason"] = conflicts[entry["name"]]["reason"]
    return plan


def fips_providers_removed(plan, conflicts):
    """Names of FIPS providers the plan removes."""
    return sorted(e["name"] for e in plan.get("removed", [])
                  if conflicts.get(e["name"], {}).get("fips_provider"))

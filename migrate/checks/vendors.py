"""Whose a package is: the source vendor's, the target's, or a third party's."""


def own_vendors(given):
    vendors = set(given.source.profile.vendors) if given.source.profile else set()
    if given.target.profile is not None:
        vendors |= set(given.target.profile.vendors)
    return vendors


def third_party_packages(facts, given):
    vendors = own_vendors(given)
    return [p for p in facts.packages if p.vendor not in vendors]

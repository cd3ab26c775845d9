"""Install-only packages (kernels) decided exactly as dnf decides: a package is install-only
when it *provides* one of `installonlypkgs` (dnf/base.py `Base._get_installonly_query`:
`query.filter(provides=conf.installonlypkgs)`, unchanged from dnf 4.7 on EL8 to 4.20 on EL10).
The defaults are mostly provides, not names: `installonlypkg(kernel)`, `multiversion(kernel)`;
comparing package names with them misses `kernel-core` and `kernel-modules`."""


def installonly_ids(base, installed):
    """rpmdb record numbers of the installed install-only packages."""
    return set(p.rpmdbid for p in installed.filter(provides=list(base.conf.installonlypkgs)))


def duplicate_groups(packages, is_installonly):
    """Copies an interrupted transaction leaves, grouped (lists of two or more): for ordinary
    packages the copies of one name and arch; for install-only ones, meant to come in several
    versions, only the copies of one NEVRA (a reinstall cut between its two halves)."""
    groups = {}
    for package in packages:
        evr = package.evr if is_installonly(package) else None
        groups.setdefault((package.name, evr, package.arch), []).append(package)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[0][2], item[0][1] or ""))
    return [copies for _, copies in ordered if len(copies) > 1]

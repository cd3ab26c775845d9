"""Packages the target's default repos also carry that a host has from a third vendor: EPEL's
own `epel-release` is in AlmaLinux's extras too. Loading extras (enabled on every AlmaLinux
install) must not turn the admin's EPEL package into AlmaLinux's: such a package stays as it
is, and a profile swap onto it (Oracle's `oracle-epel-release-elN` -> `epel-release`) only
removes the old one."""


def foreign_kept(packages, names, own_vendors, trusted_keyids):
    """Names among `names` installed from a vendor that is neither the source's nor the
    target's (`own_vendors`) and not signed by a trusted key."""
    return sorted(set(p.name for p in packages if p.name in names and p.vendor not in own_vendors
                      and p.keyid not in trusted_keyids))

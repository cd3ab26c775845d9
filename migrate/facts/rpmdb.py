"""Installed packages with vendor and signing key, in one pass through the rpm bindings.

The only module of facts/ that imports rpm; checks and plan see plain Package records."""
import re

from migrate.facts.model import Package, RpmdbKey

# The signature as rpm prints it, whichever header carries it (rpm 4.18 signs RSAHEADER only
# by default; EL packages carry both). See docs/development.md, "The sandbox and its traps".
SIGNATURE_FORMAT = (
    "%|RSAHEADER?{%{RSAHEADER:pgpsig}}:{%|DSAHEADER?{%{DSAHEADER:pgpsig}}:"
    "{%|SIGPGP?{%{SIGPGP:pgpsig}}:{%|SIGGPG?{%{SIGGPG:pgpsig}}:{(none)}|}|}|}|"
)
KEY_ID = re.compile(r"Key ID ([0-9a-fA-F]{8,16})")


def parse_key_id(signature):
    """'RSA/SHA256, Tue ..., Key ID d36cb86cb86b3716' -> 'd36cb86cb86b3716'."""
    match = KEY_ID.search(signature or "")
    return match.group(1).lower() if match else None


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value or ""


def installonly_provides():
    """dnf's own default installonlypkgs (`installonlypkg(kernel)`, `multiversion(kernel)`,
    ...), the very list the conversion's side configuration resolves with."""
    import dnf.conf

    conf = dnf.conf.Conf()  # kept alive while its list is read: the list is a view into it
    return frozenset(str(provide) for provide in conf.installonlypkgs)


def collect_packages(root):
    if not root.has_rpmdb():  # opening a missing rpmdb creates it: reading must change nothing
        return ()
    installonly = installonly_provides()  # first: importing dnf may re-read rpm's macros
    ts = root.rpm_transaction_set()
    packages = []
    match = ts.dbMatch()
    for header in match:
        name = _text(header["name"])
        if name == "gpg-pubkey":
            continue  # keys imported into the rpmdb, not software
        packages.append(
            Package(
                name=name,
                epoch=int(header["epoch"] or 0),
                version=_text(header["version"]),
                release=_text(header["release"]),
                arch=_text(header["arch"]) or "noarch",
                vendor=_text(header["vendor"]),
                keyid=parse_key_id(_text(header.format(SIGNATURE_FORMAT))),
                dbid=match.instance(),
                installonly=bool(installonly.intersection(_text(p) for p in header["providename"] or ())),
            )
        )
    packages.sort(key=lambda p: (p.name, p.arch, p.evr))
    return tuple(packages)


def collect_release_packages(root):
    """Names of the installed packages that provide system-release (the release package)."""
    if not root.has_rpmdb():
        return ()
    ts = root.rpm_transaction_set()
    return tuple(sorted(set(_text(h["name"]) for h in ts.dbMatch("providename", "system-release"))))


def collect_gpg_pubkeys(root):
    """Key IDs (16 hex) imported into the root's rpmdb."""
    if not root.has_rpmdb():
        return []
    ts = root.rpm_transaction_set()
    keys = []
    for header in ts.dbMatch("name", "gpg-pubkey"):
        keys.append(_text(header["version"]).lower())
    return sorted(keys)


def collect_rpmdb_keys(root):
    """Every gpg-pubkey in the root's rpmdb with its armored key."""
    ts = root.rpm_transaction_set()
    keys = []
    for header in ts.dbMatch("name", "gpg-pubkey"):
        name = "gpg-pubkey-%s-%s" % (_text(header["version"]), _text(header["release"]))
        keys.append(RpmdbKey(name, _text(header["summary"]), _text(header["description"])))
    return sorted(keys)


def detect_arch(packages):
    """The root's own architecture, from what it has installed (not the machine's)."""
    for probe in ("filesystem", "glibc", "bash", "rpm", "kernel-core", "kernel"):
        for package in packages:
            if package.name == probe and package.arch != "noarch":
                return package.arch
    counts = {}
    for package in packages:
        if package.arch not in ("noarch", "i686", "i386"):
            counts[package.arch] = counts.get(package.arch, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else ""

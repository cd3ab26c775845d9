"""Hosting control panels (cPanel, Plesk, DirectAdmin) and their versions, from the files
they install. Nothing of theirs is run: a preflight must not start a panel's own tools."""
import re

from migrate.facts.model import Panel

VERSION = re.compile(r"\d+(?:\.\d+)+")
# name -> (marker file that says it is installed, file holding its version or None)
PANELS = (
    ("cPanel", "/usr/local/cpanel/cpanel", "/usr/local/cpanel/version"),
    ("Plesk", "/usr/local/psa/version", "/usr/local/psa/version"),
    ("DirectAdmin", "/usr/local/directadmin/directadmin", None),
)


def parse_panel_version(text):
    """'18.0.58 CentOS 9 1800231213.09' -> '18.0.58'; '11.118.0.12' -> '11.118.0.12'."""
    match = VERSION.search((text or "").strip().splitlines()[0] if (text or "").strip() else "")
    return match.group(0) if match else ""


def collect_panels(root):
    found = []
    for name, marker, version_file in PANELS:
        if root.exists(marker):
            text = root.read_text(version_file, default="") if version_file else ""
            found.append(Panel(name, parse_panel_version(text)))
    return tuple(found)

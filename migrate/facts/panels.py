"""Hosting control panels (cPanel, Plesk, DirectAdmin) and their versions, from the files
they install (profiles/panels.toml says which). Nothing of theirs is run: a preflight must not
start a panel's own tools."""
import re

from migrate.facts.model import Panel
from migrate.profiles import load_panels

VERSION = re.compile(r"\d+(?:\.\d+)+")


def parse_panel_version(text):
    """'18.0.58 CentOS 9 1800231213.09' -> '18.0.58'; '11.118.0.12' -> '11.118.0.12'."""
    match = VERSION.search((text or "").strip().splitlines()[0] if (text or "").strip() else "")
    return match.group(0) if match else ""


def collect_panels(root, definitions=None):
    found = []
    for panel in definitions or load_panels():
        if root.exists(panel["marker"]):
            version_file = panel.get("version_file")
            text = root.read_text(version_file, default="") if version_file else ""
            found.append(Panel(panel["name"], parse_panel_version(text), panel.get("min_version", ""),
                               tuple(tuple(argv) for argv in panel.get("post_convert", ()))))
    return tuple(found)

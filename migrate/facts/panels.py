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


def running_command_lines(root):
    """The command line of every process (live machine only): the panels' busy markers."""
    lines = []
    for entry in root.listdir("/proc"):
        if entry.isdigit():
            text = root.read_text("/proc/%s/cmdline" % entry, default="")
            if text:
                lines.append(text.replace("\0", " ").strip())
    return lines


def busy_processes(command_lines, paths):
    """The command lines that run one of these programs (as argv[0] or through an interpreter)."""
    return tuple(sorted(set(line for line in command_lines
                            if any(path in line.split()[:2] for path in paths))))


def collect_panels(root, definitions=None):
    found = []
    command_lines = running_command_lines(root) if root.is_live else None
    for panel in definitions or load_panels():
        if root.exists(panel["marker"]):
            version_file = panel.get("version_file")
            text = root.read_text(version_file, default="") if version_file else ""
            busy = None if command_lines is None else busy_processes(
                command_lines, panel.get("busy_processes", ()))
            found.append(Panel(panel["name"], parse_panel_version(text), panel.get("min_version", ""),
                               tuple(tuple(argv) for argv in panel.get("post_convert", ())), busy))
    return tuple(found)

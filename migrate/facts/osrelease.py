"""Read os-release through `distro` with a root dir, as it handles quoting and fallbacks."""
import re

import distro

from migrate.facts.model import OsRelease

VERSION_IN_RELEASE_FILE = re.compile(r"release\s+(\d+(?:\.\d+)*)")


def collect_os_release(root):
    try:
        info = distro.LinuxDistribution(
            root_dir=root.path, include_lsb=False, include_uname=False, include_oslevel=False
        ).os_release_info()
    except Exception:  # garbage bytes or an unreadable file: treat as missing
        info = {}
    return OsRelease(
        os_id=(info.get("id") or "").strip().lower(),
        name=(info.get("name") or "").strip(),
        version_id=(info.get("version_id") or "").strip(),
        pretty_name=(info.get("pretty_name") or "").strip(),
    )


def collect_redhat_release(root):
    text = root.read_text("/etc/redhat-release", default="")
    return text.strip().splitlines()[0] if text.strip() else ""


def parse_release_file_version(text):
    """'CentOS Linux release 8.5.2111' -> '8.5.2111'; '' when there is none."""
    match = VERSION_IN_RELEASE_FILE.search(text or "")
    return match.group(1) if match else ""

"""Read os-release through `distro`, as it handles quoting and fallbacks. The file is found by
the Root seam, not by distro's root_dir: images link /etc/os-release -> /usr/lib/os-release, an
absolute link that distro would follow onto this machine."""
import os
import re

import distro

from migrate.facts.model import OsRelease

VERSION_IN_RELEASE_FILE = re.compile(r"release\s+(\d+(?:\.\d+)*)")


def os_release_path(root):
    """/etc/os-release, else /usr/lib/os-release (os-release(5)), as host paths inside the root."""
    etc, usr_lib = root.join("/etc/os-release"), root.join("/usr/lib/os-release")
    return etc if os.path.isfile(etc) or not os.path.isfile(usr_lib) else usr_lib


def collect_os_release(root):
    try:
        info = distro.LinuxDistribution(
            os_release_file=os_release_path(root), distro_release_file=os.devnull, root_dir=root.path,
            include_lsb=False, include_uname=False, include_oslevel=False
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

"""Read the real-data corpus in tests/fixtures/real/ (sources in its README.md): the images'
roots, and the vendors' repo definitions with the content each repo holds, told by its path on
the vendor's mirror (".../BaseOS/...", "repo=CRB-9", ".../codeready/builder/...")."""
import os
import re
import shutil
import tarfile

from migrate.facts.repos import parse_repo_file
from tests.factories import FIXTURES

REAL = os.path.join(FIXTURES, "real")
IMAGES = os.path.join(REAL, "images")
REPOS = os.path.join(REAL, "repos")

# Path words on the vendors' mirrors -> the AlmaLinux repo path with the same content (the
# upstream repo set that every rebuild ships). PowerTools, CRB and Oracle's codeready/builder
# are one content under three names; the AlmaLinux major decides which name it has there.
CONTENT = {
    "baseos": "BaseOS", "appstream": "AppStream", "highavailability": "HighAvailability",
    "resilientstorage": "ResilientStorage", "rt": "RT", "nfv": "NFV", "sap": "SAP",
    "saphana": "SAPHANA", "powertools": "CRB", "crb": "CRB", "codeready": "CRB",
}
NOT_BINARY = ("debug", "debuginfo", "source", "srpms")
URL_WORDS = re.compile(r"[/?&=\-_.]+")
URL_LINE = re.compile(r"^\s*#?\s*(baseurl|mirrorlist|metalink)\s*=\s*(\S+)", re.M)
# mock templates keep dnf.conf as a Python string with Jinja in it.
MOCK_DNF_CONF = re.compile(r"config_opts\['dnf\.conf'\]\s*=\s*\"\"\"(.*?)\"\"\"", re.S)
JINJA_BLOCK = re.compile(r"^\s*\{%.*%\}\s*$", re.M)
# The architecture variables of mock's AlmaLinux 10 template (x86_64_v2 aside: $basearch).
MOCK_VARIABLES = (("{{ baseurl_arch }}", "$basearch"), ("{{ mirrorlist_arch }}", ""))


def images():
    """Names of the image directories (branch names of AlmaLinux/docker-images)."""
    return sorted(os.listdir(IMAGES))


def image_root(name):
    return os.path.join(IMAGES, name, "root")


def copy_image_root(name, dest):
    """A writable copy of the image's root with its rpmdb unpacked into var/lib/rpm."""
    shutil.copytree(image_root(name), dest, symlinks=True)
    with tarfile.open(os.path.join(IMAGES, name, "rpmdb.tar.xz")) as tar:
        tar.extractall(dest)
    os.makedirs(os.path.join(dest, "var", "log"))  # in every image; git keeps no empty directory
    return dest


def _section_urls(text):
    """{repo id: [every baseurl/mirrorlist/metalink, commented-out ones too]}: the vendors
    comment out the plain baseurl beside a mirrorlist, and that path names the content."""
    urls, current = {}, None
    for line in text.splitlines():
        header = re.match(r"^\s*\[([^\]]+)\]\s*$", line)
        if header:
            current = header.group(1)
            urls.setdefault(current, [])
            continue
        found = URL_LINE.match(line)
        if found and current is not None:
            urls[current].append(found.group(2))
    return urls


def repo_text(path):
    """The repo-file text of a corpus file: as is, or a mock template's dnf.conf."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith(".tpl"):
        text = JINJA_BLOCK.sub("", MOCK_DNF_CONF.search(text).group(1))
        for variable, value in MOCK_VARIABLES:
            text = text.replace(variable, value)
    return text


def content_of(urls):
    """The AlmaLinux repo path whose content a vendor repo holds, or None (debug, source,
    vendor-only repos such as extras or UEK)."""
    found = set()
    for url in urls:
        words = [w.lower() for w in URL_WORDS.split(url) if w]
        if any(w in NOT_BINARY for w in words):
            return None
        found.update(CONTENT[w] for w in words if w in CONTENT)
    if len(found) > 1:
        raise AssertionError("ambiguous repo path: %s" % urls)
    return found.pop() if found else None


def repo_definitions(path):
    """[(repo id, enabled, AlmaLinux content path or None)] of one corpus file."""
    text = repo_text(path)
    urls = _section_urls(text)
    return [(s.repo_id, s.enabled, content_of(urls.get(s.repo_id, ())))
            for s in parse_repo_file(text, path) if s.repo_id != "main"]


ALMALINUX_PATH = re.compile(r"/\$releasever/([^/]+)/\$basearch/os/?$")


def almalinux_repos(path):
    """{repo id: path} of the binary repos in a real AlmaLinux repo file, from its baseurl
    (commented out there beside the mirrorlist): https://repo.almalinux.org/almalinux/$releasever/PATH/$basearch/os/."""
    result = {}
    for repo_id, urls in _section_urls(repo_text(path)).items():
        for url in urls:
            found = ALMALINUX_PATH.search(url)
            if found:
                result[repo_id] = found.group(1)
    return result

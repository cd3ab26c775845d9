"""The host's own dnf settings that the conversion's side configuration does NOT apply:
exclude= in dnf.conf, versionlock entries, enabled module streams; and where each installed
package came from according to dnf's history database."""
import configparser
import logging
import sqlite3

from migrate.facts.model import DnfConfig, ModuleStream
from migrate.facts.repos import TRUE_VALUES

log = logging.getLogger(__name__)

DNF_CONF = "/etc/dnf/dnf.conf"
VERSIONLOCK_CONF = "/etc/dnf/plugins/versionlock.conf"
VERSIONLOCK_LIST = "/etc/dnf/plugins/versionlock.list"
MODULES_DIR = "/etc/dnf/modules.d"
HISTORY_DB = "/var/lib/dnf/history.sqlite"
# trans_item.action values that leave the item installed (libdnf TransactionItemAction)
INSTALLING_ACTIONS = (1, 2, 4, 6, 9)  # install, downgrade, obsolete, upgrade, reinstall


def _ini(text):
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(text or "")
    except configparser.Error:
        return None
    return parser


def _split(value):
    return tuple(v for v in value.replace(",", " ").split() if v)


def parse_dnf_conf(text):
    """exclude=/excludepkgs= of [main], as dnf reads them (commas or spaces)."""
    parser = _ini(text)
    if parser is None or not parser.has_section("main"):
        return ()
    values = []
    for key in ("exclude", "excludepkgs"):
        values.extend(_split(parser.get("main", key, fallback="")))
    return tuple(values)


def parse_versionlock_conf(text):
    """(enabled, locklist path) of the versionlock plugin's config."""
    parser = _ini(text)
    if parser is None or not parser.has_section("main"):
        return False, VERSIONLOCK_LIST
    enabled = parser.get("main", "enabled", fallback="0").strip().lower() in TRUE_VALUES
    return enabled, parser.get("main", "locklist", fallback=VERSIONLOCK_LIST).strip() or VERSIONLOCK_LIST


def parse_versionlock_list(text):
    """Lock entries ('bash-0:5.1.8-9.el9.*', '!zlib-*' excludes); comments and blanks dropped."""
    return tuple(line.strip() for line in (text or "").splitlines()
                 if line.strip() and not line.strip().startswith("#"))


def parse_module_file(text):
    """One /etc/dnf/modules.d/NAME.module -> ModuleStream records."""
    parser = _ini(text)
    if parser is None:
        return ()
    return tuple(ModuleStream(section, parser.get(section, "stream", fallback="").strip(),
                              parser.get(section, "state", fallback="").strip().lower())
                 for section in parser.sections())


def collect_dnf_config(root):
    enabled, locklist = parse_versionlock_conf(root.read_text(VERSIONLOCK_CONF, default=""))
    return DnfConfig(
        excludes=parse_dnf_conf(root.read_text(DNF_CONF, default="")),
        versionlock=parse_versionlock_list(root.read_text(locklist, default="")),
        versionlock_enabled=enabled,
    )


def collect_module_streams(root):
    streams = []
    for name in root.listdir(MODULES_DIR):
        if name.endswith(".module"):
            streams.extend(parse_module_file(root.read_text("%s/%s" % (MODULES_DIR, name), default="")))
    return tuple(streams)


def _nevra(name, epoch, version, release, arch):
    prefix = "%d:" % epoch if epoch else ""
    return "%s-%s%s-%s.%s" % (name, prefix, version, release, arch)


def collect_package_origins(root):
    """((nevra, repo id), ...) of the last transaction that installed each package; None when
    dnf has no history here. Opened immutable: reading must not create -wal/-shm files."""
    if not root.exists(HISTORY_DB):
        return None
    query = ("SELECT r.name, r.epoch, r.version, r.release, r.arch, repo.repoid FROM trans_item t "
             "JOIN rpm r ON r.item_id = t.item_id JOIN repo ON repo.id = t.repo_id "
             "WHERE t.action IN (%s) ORDER BY t.id" % ", ".join(str(a) for a in INSTALLING_ACTIONS))
    try:
        db = sqlite3.connect("file:%s?immutable=1" % root.join(HISTORY_DB), uri=True)
        try:
            rows = db.execute(query).fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        log.debug("cannot read %s: %s", HISTORY_DB, exc)
        return None
    origins = {}
    for name, epoch, version, release, arch, repo_id in rows:
        origins[_nevra(name, int(epoch or 0), version, release, arch)] = repo_id
    return tuple(sorted(origins.items()))

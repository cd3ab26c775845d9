"""Run options: the command line merged over the --config file (or the root's own
/etc/almalinux-migrate.toml). Wrong keys or values are usage errors that name the key."""
import logging
import os
import re
import stat
from typing import NamedTuple, Optional, Tuple

from migrate._compat import toml
from migrate.errors import ConfigError, UsageError
from migrate.network.settings import normalize_mirror
from migrate.profiles import normalize_fingerprint
from migrate.layout import CONFIG_FILE

log = logging.getLogger(__name__)
THIRD_PARTY_POLICIES = ("keep", "disable")
KNOWN_KEYS = {
    "mirror": ("url", "proxy", "ca_cert"),
    "trust": ("extra_fingerprints",),
    "checks": ("allow",),
    "repos": ("third_party", "keep_rhsm"),
    "packages": ("exclude",),
}


class Options(NamedTuple):
    target: Optional[str] = None  # "9" or "9.4"; None: the source's major
    mirror: Optional[str] = None
    proxy: Optional[str] = None
    downgrade: bool = False
    allow: Tuple[str, ...] = ()
    third_party: str = "keep"
    extra_fingerprints: Tuple[str, ...] = ()
    assume_yes: bool = False
    resume_on_boot: bool = False
    keep_rhsm: bool = False  # RHEL managed by Satellite/Foreman: stay registered, keep RHSM
    ca_cert: Optional[str] = None  # CA bundle for a mirror with a private CA (migrate.network.settings)
    no_proxy: Tuple[str, ...] = ()  # hosts that bypass an environment proxy
    exclude: Tuple[str, ...] = ()  # name globs kept out of the sync (migrate.plan.excludes)
    ignore_versionlock: bool = False  # sync what the versionlock plugin holds, too
    reboot: bool = False  # convert: reboot after success, live host only (migrate.reboot)

    @property
    def network(self):
        from migrate.network.settings import network_of

        return network_of(self)

    def as_journal(self):
        return dict(self._asdict())


class FileConfig(NamedTuple):
    mirror: Optional[str] = None
    proxy: Optional[str] = None
    extra_fingerprints: Tuple[str, ...] = ()
    allow: Tuple[str, ...] = ()
    third_party: Optional[str] = None
    keep_rhsm: bool = False
    ca_cert: Optional[str] = None
    exclude: Tuple[str, ...] = ()


def parse_config(text, path):
    try:
        data = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        raise ConfigError("%s: not valid TOML: %s" % (path, exc))
    for table, value in data.items():
        if table not in KNOWN_KEYS or not isinstance(value, dict):
            raise ConfigError("%s: unknown table [%s]" % (path, table))
        for key in value:
            if key not in KNOWN_KEYS[table]:
                raise ConfigError("%s: unknown key %s.%s" % (path, table, key))

    def get(table, key, kind):
        value = data.get(table, {}).get(key)
        if value is not None and not isinstance(value, kind):
            raise ConfigError("%s: %s.%s has the wrong type" % (path, table, key))
        return value

    fingerprints = []
    for item in get("trust", "extra_fingerprints", list) or []:
        fingerprint = normalize_fingerprint(item) if isinstance(item, str) else None
        if fingerprint is None:
            raise ConfigError("%s: trust.extra_fingerprints has %r, not 40 hex digits" % (path, item))
        fingerprints.append(fingerprint)
    allow = get("checks", "allow", list) or []
    if not all(isinstance(a, str) for a in allow):
        raise ConfigError("%s: checks.allow must be a list of check IDs" % path)
    exclude = get("packages", "exclude", list) or []
    if not all(isinstance(e, str) and e.strip() for e in exclude):
        raise ConfigError("%s: packages.exclude must be a list of package name patterns" % path)
    third_party = get("repos", "third_party", str)
    if third_party is not None and third_party not in THIRD_PARTY_POLICIES:
        raise ConfigError("%s: repos.third_party must be keep or disable" % path)
    return FileConfig(
        keep_rhsm=bool(get("repos", "keep_rhsm", bool)),
        mirror=get("mirror", "url", str),
        proxy=get("mirror", "proxy", str),
        ca_cert=get("mirror", "ca_cert", str),
        extra_fingerprints=tuple(fingerprints),
        allow=tuple(a.upper() for a in allow),
        third_party=third_party,
        exclude=tuple(e.strip() for e in exclude),
    )


def load_config(root, path=None):
    """--config is a path on the machine running the tool; without it, the root's own file.
    Under --root that file belongs to the image, which is untrusted input: it may allow checks
    and choose repo policies for its own conversion, but never adds keys, a mirror or a proxy
    (design: "the image's own config ... never add keys, a mirror or a proxy")."""
    from_image = path is None and not root.is_live
    if path is None:
        if not root.exists(CONFIG_FILE):
            return FileConfig()
        path = root.join(CONFIG_FILE)  # resolved inside the root: its links never lead out
    config = parse_config(read_config_text(path), os.path.abspath(path))
    if from_image:
        config = untrusted_image_config(config, CONFIG_FILE)
    return config


def untrusted_image_config(config, path):
    """The parts of an image's own config that it may not set, dropped and logged."""
    dropped = [name for name, value in (("mirror.url", config.mirror), ("mirror.proxy", config.proxy),
                                        ("mirror.ca_cert", config.ca_cert),
                                        ("trust.extra_fingerprints", config.extra_fingerprints)) if value]
    if dropped:
        log.warning("ignored in the root's %s (use --config on this machine): %s", path, ", ".join(dropped))
    return config._replace(mirror=None, proxy=None, ca_cert=None, extra_fingerprints=())


def read_config_text(path):
    """The file's text; anything but a readable regular UTF-8 file is a ConfigError (exit 2).
    Opened non-blocking and checked before reading: a FIFO would otherwise wait forever."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except (IOError, OSError) as exc:
        raise ConfigError("cannot read config %s: %s" % (path, exc.strerror or exc))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ConfigError("config %s is not a regular file" % path)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read()
        except (IOError, OSError) as exc:
            raise ConfigError("cannot read config %s: %s" % (path, exc.strerror or exc))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError("config %s is not UTF-8 text (byte %d)" % (path, exc.start))


def merge_options(file_config, target=None, mirror=None, proxy=None, downgrade=False, allow=(),
                  third_party=None, assume_yes=False, resume_on_boot=False, keep_rhsm=False,
                  ca_cert=None, exclude=(), ignore_versionlock=False, reboot=False):
    """The command line wins over the file; lists add up."""
    return Options(
        target=validate_target(target),
        mirror=normalize_mirror(mirror or file_config.mirror or None),
        ca_cert=(ca_cert or file_config.ca_cert or None),
        proxy=(proxy or file_config.proxy or None),
        downgrade=bool(downgrade),
        allow=tuple(sorted(set(a.upper() for a in allow) | set(file_config.allow))),
        third_party=third_party or file_config.third_party or "keep",
        extra_fingerprints=file_config.extra_fingerprints,
        assume_yes=bool(assume_yes),
        resume_on_boot=bool(resume_on_boot),
        keep_rhsm=bool(keep_rhsm or file_config.keep_rhsm),
        exclude=merge_excludes(file_config.exclude, exclude or ()),
        ignore_versionlock=bool(ignore_versionlock),
        reboot=bool(reboot),
    )


def merge_excludes(from_file, from_cli):
    """The file's patterns, then the command line's, each once; an empty pattern is a usage
    error (it would match nothing and hide a typo)."""
    merged = []
    for pattern in tuple(from_file) + tuple(from_cli):
        pattern = pattern.strip()
        if not pattern:
            raise UsageError("--exclude needs a package name pattern, e.g. --exclude 'nginx*'")
        if pattern not in merged:
            merged.append(pattern)
    return tuple(merged)


TARGET_VERSION = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def validate_target(value):
    """--target is a major (9) or major.minor (9.4); anything else is a usage error (exit 2)."""
    if value is None:
        return None
    if not TARGET_VERSION.match(value.strip()):
        raise UsageError("--target %s: give an AlmaLinux major or major.minor version, e.g. 9 or 9.4" % value)
    return value.strip()

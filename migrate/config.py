"""Run options: the command line merged over the --config file (or the root's own
/etc/almalinux-migrate.toml). Wrong keys or values are usage errors that name the key."""
import logging
import os
import re
import stat
from collections import namedtuple

from migrate._compat import toml
from migrate.errors import ConfigError, UsageError
from migrate.network.settings import normalize_mirror
from migrate.profiles import normalize_fingerprint
from migrate.layout import CONFIG_FILE
from migrate.options import FIELDS, IN_CONFIG

log = logging.getLogger(__name__)
# [table] -> keys the config file may set (migrate.options: the one list)
KNOWN_KEYS = dict((table, tuple(o.config.split(".")[1] for o in IN_CONFIG if o.config.split(".")[0] == table))
                  for table in sorted(set(o.config.split(".")[0] for o in IN_CONFIG)))
TOML_TYPES = {"str": str, "choice": str, "bool": bool, "list": list}


class Options(namedtuple("Options", [o.name for o in FIELDS])):
    """The run's options, one field per migrate.options entry with `field`; the journal keeps them."""
    __slots__ = ()

    @property
    def network(self):
        from migrate.network.settings import network_of

        return network_of(self)

    def as_journal(self):
        return dict(self._asdict())


Options.__new__.__defaults__ = tuple(o.run_default for o in FIELDS)


class FileConfig(namedtuple("FileConfig", [o.name for o in IN_CONFIG])):
    """What the config file set: each key unset (None, False, ()) unless it is there."""
    __slots__ = ()


FileConfig.__new__.__defaults__ = tuple(o.empty for o in IN_CONFIG)


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
    values = {}
    for option in IN_CONFIG:
        table, key = option.config.split(".")
        value = data.get(table, {}).get(key)
        if value is not None and not isinstance(value, TOML_TYPES[option.kind]):
            raise ConfigError("%s: %s has the wrong type" % (path, option.config))
        if value is not None and option.choices and value not in option.choices:
            raise ConfigError("%s: %s must be %s" % (path, option.config, " or ".join(option.choices)))
        if value is not None:
            values[option.name] = value

    fingerprints = []
    for item in values.get("extra_fingerprints", ()):
        fingerprint = normalize_fingerprint(item) if isinstance(item, str) else None
        if fingerprint is None:
            raise ConfigError("%s: trust.extra_fingerprints has %r, not 40 hex digits" % (path, item))
        fingerprints.append(fingerprint)
    values["extra_fingerprints"] = tuple(fingerprints)
    allow = values.get("allow", ())
    if not all(isinstance(a, str) for a in allow):
        raise ConfigError("%s: checks.allow must be a list of check IDs" % path)
    values["allow"] = tuple(a.upper() for a in allow)
    exclude = values.get("exclude", ())
    if not all(isinstance(e, str) and e.strip() for e in exclude):
        raise ConfigError("%s: packages.exclude must be a list of package name patterns" % path)
    values["exclude"] = tuple(e.strip() for e in exclude)
    return FileConfig(**values)


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


def merge_options(file_config, **command_line):
    """The command line wins over the file; lists add up. command_line: Options fields with a
    flag (migrate.options), each defaulting to unset."""
    unknown = sorted(set(command_line) - set(o.name for o in FIELDS if o.flags))
    if unknown:
        raise TypeError("merge_options() got unexpected options: %s" % ", ".join(unknown))
    values = {}
    for option in FIELDS:
        given = command_line.get(option.name, option.empty) if option.flags else option.empty
        from_file = getattr(file_config, option.name) if option.config else option.empty
        if option.name in MERGE:
            values[option.name] = MERGE[option.name](from_file, given or ())
        elif option.kind == "list":
            values[option.name] = tuple(from_file) + tuple(given)
        elif option.kind == "bool":
            values[option.name] = bool(given or from_file)
        else:
            values[option.name] = given or from_file or option.run_default
    values["target"] = validate_target(values["target"])
    values["mirror"] = normalize_mirror(values["mirror"])
    return Options(**values)


def merge_allow(from_file, from_cli):
    return tuple(sorted(set(a.upper() for a in from_cli) | set(from_file)))


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


MERGE = {"allow": merge_allow, "exclude": merge_excludes}  # lists with their own rule
TARGET_VERSION = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def validate_target(value):
    """--target is a major (9) or major.minor (9.4); anything else is a usage error (exit 2)."""
    if value is None:
        return None
    if not TARGET_VERSION.match(value.strip()):
        raise UsageError("--target %s: give an AlmaLinux major or major.minor version, e.g. 9 or 9.4" % value)
    return value.strip()

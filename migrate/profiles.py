"""Load and validate per-distro knowledge from profiles/ (TOML data, no code).

A source profile says how to recognise a distribution and what of it to remove or swap; a
target profile says what AlmaLinux N looks like on a mirror and which keys sign it. A value
may differ per major version: `[by_major.8]` tables override the top-level keys for that major.
Load errors name the file and the key, so a broken profile is a one-line fix."""
import os
import re
import zipfile

from migrate._compat import toml
from migrate.errors import ProfileError

PROFILES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "profiles")
PACKAGED_PROFILES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_profiles")

# key -> (type, required). Types: str, int, bool, "strs" (list of str), "ints", "regexes" (list
# of regular expressions), "map" (str->str),
# "repos" (list of tables), "arches" (table of per-architecture tables, BOOT_SCHEMA).
SOURCE_SCHEMA = {
    "id": (str, True),
    "name": (str, True),
    "os_release_id": (str, True),
    "name_prefix": (str, False),  # NAME must start with it (CentOS Stream vs CentOS Linux)
    "name_excludes": (str, False),
    "majors": ("ints", True),
    "version_source": (str, False),  # "os-release" (default) or "redhat-release"
    "vendors": ("strs", False),  # rpm Vendor tags of the source vendor's packages
    "release_packages": ("strs", False),  # removed and replaced by the target's release set
    "remove_packages": ("strs", False),  # removed when installed, no replacement
    "branding": ("map", False),  # source package -> AlmaLinux package
    "repo_map": ("map", False),  # source repo id -> AlmaLinux repo id; "{arch}" in an id is the host's
    "ensure_installed": ("strs", False),  # installed from the target when absent (Oracle: kernel)
    "kept_packages": ("strs", False),  # never removed, reported as kept (Oracle: UEK kernels)
    "module_streams": ("map", False),  # EL8 vendor module stream -> AlmaLinux stream (ol8 -> rhel8)
    "repo_files_aside": ("strs", False),  # repo files moved aside (RHEL: redhat.repo)
    "rhsm_packages": ("strs", False),  # removed like remove_packages, unless --keep-rhsm
    "unregister": (str, False),  # "rhsm": unregister subscription-manager (live host only)
    "downgrade_expected": (bool, False),  # sources usually ahead of AlmaLinux
    "is_target": (bool, False),  # AlmaLinux itself: nothing to convert
    "efi_dir": (str, False),  # the vendor's directory under EFI/ on the ESP (rocky, centos)
    "kernel_packages": ("strs", False),  # the vendor's own kernels besides "kernel" (kernel-uek-core)
    "notes": (str, False),
    # the vendor's mark in a rebuild's release (regular expressions): set aside, a build of the
    # same upstream release is a lateral move, not a downgrade (".rocky.0.1", Oracle's ".0.1")
    "release_suffixes": ("regexes", False),
    # package -> {reason, fips_provider}: installed packages that conflict with the target's
    # (a file both own, a plugin of a replaced library), removed in the transaction
    "conflicts": ("conflicts", False),
}

TARGET_SCHEMA = {
    "id": (str, True),
    "name": (str, True),
    "os_release_id": (str, True),
    "major": (int, True),
    "release_packages": ("strs", True),
    "key_file": (str, True),  # at the mirror's top, e.g. RPM-GPG-KEY-AlmaLinux-9
    "key_install_path": (str, True),  # where almalinux-gpg-keys puts it in the root
    "fingerprints": ("strs", True),  # pinned; 40 hex digits
    "official_url": (str, True),  # what the shipped repo files' baseurl starts with
    "architectures": ("strs", True),
    "repos": ("repos", True),
    "efi_dir": (str, False),  # EFI/<efi_dir>/ on the ESP
    "efi_label": (str, False),  # the UEFI boot entry's label
    "grub_cfg": (str, False),  # what grub2-mkconfig writes (BIOS, PReP, PowerNV; UEFI on EL9+)
    "grub_cfg_uefi": (str, False),  # on UEFI (EL8: the ESP's own grub.cfg)
    "kernel_packages": ("strs", False),  # the packages that own /boot/vmlinuz-*
    "kernel_install": (str, False),  # what to install when the host has no target kernel
    "boot": ("arches", False),  # per architecture: BOOT_SCHEMA
    "vendors": ("strs", False),  # rpm Vendor tags of the target's packages
    "unsupported_filesystems": ("strs", False),  # its kernel cannot boot from these (btrfs on 8/9)
    "release_suffixes": ("regexes", False),  # the target's own mark (".alma.1"), as in sources
    # packages the target's default repos also carry that hosts have from elsewhere
    # (EPEL's own epel-release): installed from another vendor, they stay as they are
    "keep_foreign": ("strs", False),
    "conflicts": ("conflicts", False),  # as in SOURCE_SCHEMA, for every source of this major
    "interpreter": (str, False),  # the Python that owns the rpm/dnf bindings on this major
}

CONFLICT_SCHEMA = {
    "reason": (str, True),  # why it goes, shown in the plan; cite the public source
    "fips_provider": (bool, False),  # a FIPS crypto provider: a FIPS-mode host is blocked instead
}

BOOT_SCHEMA = {
    "packages": ("strs", True),  # boot packages that must be AlmaLinux's after the conversion
    "shim": (str, False),  # UEFI: the loader the entry names, under EFI/<efi_dir>/
    "grub_efi": (str, False),  # UEFI: the grub shim loads, next to it
}

REPO_SCHEMA = {
    "id": (str, True),
    "path": (str, True),  # directory under URL/<version>/
    "enabled": (bool, False),  # enabled on a fresh AlmaLinux install
    "required": (bool, False),  # a mirror without it is no AlmaLinux mirror (BaseOS)
}

PANEL_SCHEMA = {
    "name": (str, True),
    "marker": (str, True),  # a file only an installed panel has
    "version_file": (str, False),
    "min_version": (str, False),  # oldest version that supports AlmaLinux of the same major
    "post_convert": ("argvs", False),  # commands to run after the conversion, in order
    "busy_processes": ("strs", False),  # its updater/installer/backup: no conversion beside them
}

SOURCE_VALID_VERSION_SOURCES = ("os-release", "redhat-release")


class Profile(object):
    """A validated profile for one major version: one attribute per key of its schema (a key the
    file leaves out has its empty value), so a misspelt name is an AttributeError."""

    __slots__ = ("path", "_values")
    kind = ""
    SCHEMA = {}

    def __init__(self, path, values):
        self.path = path
        self._values = values
        for key, (kind, _) in self.SCHEMA.items():
            setattr(self, key, values[key] if key in values else _empty(kind))

    def for_major(self, major):
        """This profile with `[by_major.N]` overrides applied."""
        merged = dict(self._values)
        merged.update(self._values.get("by_major", {}).get(str(major), {}))
        merged.pop("by_major", None)
        return type(self)(self.path, merged)

    def repo_map_for(self, arch):
        """repo_map with "{arch}" in source repo ids replaced by the host's architecture."""
        return dict((source.replace("{arch}", arch or ""), target)
                    for source, target in self.repo_map.items())

    def as_dict(self):
        return dict((k, v) for k, v in self._values.items() if k != "by_major")


class SourceProfile(Profile):
    __slots__ = tuple(SOURCE_SCHEMA)
    kind = "source"
    SCHEMA = SOURCE_SCHEMA


class TargetProfile(Profile):
    __slots__ = tuple(TARGET_SCHEMA)
    kind = "target"
    SCHEMA = TARGET_SCHEMA


PROFILE_TYPES = {"source": SourceProfile, "target": TargetProfile}


def _empty(kind):
    if kind is bool:
        return False
    if kind in ("strs", "ints", "repos", "regexes"):
        return []
    if kind in ("map", "arches", "conflicts"):
        return {}
    return None


def _check_value(path, key, kind, value):
    where = "%s: key %r" % (path, key)
    if kind in (str, int, bool):
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ProfileError("%s must be a %s, got %r" % (where, kind.__name__, value))
    elif kind in ("strs", "ints"):
        item = str if kind == "strs" else int
        if not isinstance(value, list) or not all(isinstance(v, item) for v in value):
            raise ProfileError("%s must be a list of %s" % (where, item.__name__))
    elif kind == "regexes":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ProfileError("%s must be a list of regular expressions" % where)
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ProfileError("%s: %r is not a regular expression: %s" % (where, pattern, exc))
    elif kind == "argvs":
        if not isinstance(value, list) or not all(
                isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv) for argv in value):
            raise ProfileError("%s must be a list of commands (lists of strings)" % where)
    elif kind == "map":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ProfileError("%s must be a table of strings" % where)
    elif kind == "arches":
        if not isinstance(value, dict):
            raise ProfileError("%s must be a table of per-architecture tables" % where)
        for arch, table in value.items():
            _validate_table(path, table, BOOT_SCHEMA, "%s.%s." % (key, arch))
    elif kind == "conflicts":
        if not isinstance(value, dict):
            raise ProfileError("%s must be a table of per-package tables" % where)
        for name, table in value.items():
            _validate_table(path, table, CONFLICT_SCHEMA, "%s.%s." % (key, name))
    elif kind == "repos":
        if not isinstance(value, list) or not value:
            raise ProfileError("%s must be a non-empty array of tables" % where)
        for index, repo in enumerate(value):
            _validate_table(path, repo, REPO_SCHEMA, "%s[%d]." % (key, index))


def _validate_table(path, table, schema, prefix="", partial=False):
    if not isinstance(table, dict):
        raise ProfileError("%s: %s must be a table" % (path, prefix.rstrip(".") or "profile"))
    for key, value in table.items():
        if key == "by_major" and not prefix:
            continue
        if key not in schema:
            raise ProfileError("%s: unknown key %r" % (path, prefix + key))
        _check_value(path, prefix + key, schema[key][0], value)
    if not partial:
        for key, (_, required) in sorted(schema.items()):
            if required and key not in table:
                raise ProfileError("%s: missing required key %r" % (path, prefix + key))


def parse_profile(text, path, kind):
    """Parse and validate one profile file's text; `kind` is "source" or "target"."""
    schema = SOURCE_SCHEMA if kind == "source" else TARGET_SCHEMA
    try:
        values = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        raise ProfileError("%s: not valid TOML: %s" % (path, exc))
    _validate_table(path, values, schema)
    overrides = values.get("by_major", {})
    if not isinstance(overrides, dict):
        raise ProfileError("%s: 'by_major' must be a table of tables keyed by major version" % path)
    for major, table in overrides.items():
        if not major.isdigit():
            raise ProfileError("%s: 'by_major.%s' is not a major version number" % (path, major))
        _validate_table(path, table, schema, "by_major.%s." % major, partial=True)
    if kind == "source" and values.get("version_source", "os-release") not in SOURCE_VALID_VERSION_SOURCES:
        raise ProfileError("%s: key 'version_source' must be one of %s" % (path, ", ".join(SOURCE_VALID_VERSION_SOURCES)))
    if kind == "target":
        for fingerprint in values["fingerprints"]:
            if normalize_fingerprint(fingerprint) is None:
                raise ProfileError("%s: key 'fingerprints' has %r, not 40 hex digits" % (path, fingerprint))
    return PROFILE_TYPES[kind](path, values)


def normalize_fingerprint(text):
    """'bf18 ac28 ...' -> 'BF18AC28...'; None when it is not 40 hex digits."""
    cleaned = "".join(text.split()).upper()
    if len(cleaned) == 40 and all(c in "0123456789ABCDEF" for c in cleaned):
        return cleaned
    return None


class Profiles(object):
    def __init__(self, sources, targets):
        self.sources = sources  # list of source Profile, sorted by id
        self.targets = targets  # dict major -> target Profile

    def target_for(self, major):
        return self.targets.get(major)


def profiles_dir():
    """The profiles shipped next to the package (installed) or at the repo's top (checkout)."""
    if os.path.isdir(PACKAGED_PROFILES_DIR) or _in_archive(PACKAGED_PROFILES_DIR):
        return PACKAGED_PROFILES_DIR
    return PROFILES_DIR


def _in_archive(folder):
    """(archive, prefix) when folder lies inside the zip file the tool runs from (the one-file
    build, almalinux-migrate.pyz), else None."""
    archive = folder
    while archive and not os.path.exists(archive):
        archive = os.path.dirname(archive)
    if archive == folder or not os.path.isfile(archive) or not zipfile.is_zipfile(archive):
        return None
    return archive, os.path.relpath(folder, archive).replace(os.sep, "/") + "/"


def _toml_files(folder):
    """[(path, text)] of the .toml files directly in folder: a directory, or one inside the
    zip archive the tool runs from."""
    inside = None if os.path.isdir(folder) else _in_archive(folder)
    texts = {}
    if inside is not None:
        archive, prefix = inside
        with zipfile.ZipFile(archive) as zipped:
            names = [m[len(prefix):] for m in zipped.namelist() if m.startswith(prefix)]
            for name in names:
                if name.endswith(".toml") and "/" not in name:
                    texts[name] = zipped.read(prefix + name).decode("utf-8")
        if not names:
            raise ProfileError("%s: profile folder missing" % folder)
    elif os.path.isdir(folder):
        for name in os.listdir(folder):
            if name.endswith(".toml"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    texts[name] = handle.read()
    else:
        raise ProfileError("%s: profile folder missing" % folder)
    return [(os.path.join(folder, name), texts[name]) for name in sorted(texts)]


def pinned_key_text(profile, directory=None):
    """The real public key file of a target profile, shipped in profiles/keys/ (the source of
    its pinned fingerprints, checked by tests/unit/test_trust.py); "" when absent."""
    folder = os.path.join(directory or profiles_dir(), "keys")
    if os.path.isdir(folder):
        path = os.path.join(folder, profile.key_file)
        if not os.path.isfile(path):
            return ""
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read()
    inside = _in_archive(folder)
    if inside is None:
        return ""
    archive, prefix = inside
    with zipfile.ZipFile(archive) as zipped:
        try:
            return zipped.read(prefix + profile.key_file).decode("ascii", "replace")
        except KeyError:
            return ""


def load_profiles(directory=None):
    directory = directory or profiles_dir()
    sources, targets = [], {}
    for kind, sub in (("source", "sources"), ("target", "targets")):
        for path, text in _toml_files(os.path.join(directory, sub)):
            profile = parse_profile(text, path, kind)
            if kind == "source":
                sources.append(profile)
            elif profile.major in targets:
                raise ProfileError("%s: a second target profile for major %d" % (path, profile.major))
            else:
                targets[profile.major] = profile
    return Profiles(sources, targets)


def load_panels(directory=None):
    """Panel definitions from profiles/panels.toml, validated like every profile."""
    texts = dict(_toml_files(directory or profiles_dir()))
    path = os.path.join(directory or profiles_dir(), "panels.toml")
    if path not in texts:
        raise ProfileError("%s: missing" % path)
    text = texts[path]
    try:
        values = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        raise ProfileError("%s: not valid TOML: %s" % (path, exc))
    panels = values.get("panel")
    if not isinstance(panels, list) or set(values) != {"panel"}:
        raise ProfileError("%s: expected only [[panel]] tables" % path)
    for index, panel in enumerate(panels):
        _validate_table(path, panel, PANEL_SCHEMA, "panel[%d]." % index)
    return panels

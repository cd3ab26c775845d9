"""Which installed packages stay out of the sync: `--exclude PATTERN` (config `[packages]
exclude`), a glob on the package name as dnf's `exclude=`, and the versionlock plugin's
locks (`/etc/dnf/plugins/versionlock.list`) unless `--ignore-versionlock`. The conversion's
own dnf configuration loads no plugins, so the locks are turned into excludes here."""
import fnmatch

REASON_EXCLUDE = "exclude"  # --exclude / [packages] exclude
REASON_VERSIONLOCK = "versionlock"


def name_matches(name, patterns):
    """dnf matches exclude globs case-sensitively (fnmatch on the name)."""
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def _lock_forms(package):
    """The spellings a versionlock entry may use for one installed package: the plugin writes
    `name-epoch:version-release.arch` (epoch 0 included), users also write NEVRA without epoch
    or a bare name."""
    evr = "%s-%s" % (package.version, package.release)
    return (package.name,
            "%s-%d:%s.%s" % (package.name, package.epoch or 0, evr, package.arch),
            "%s-%d:%s" % (package.name, package.epoch or 0, evr),
            "%s-%s.%s" % (package.name, evr, package.arch),
            "%s-%s" % (package.name, evr))


def locked(package, entries):
    """True when a versionlock entry holds this package. `!` entries exclude other versions
    from being installed; they hold nothing installed and are ignored here."""
    forms = _lock_forms(package)
    return any(fnmatch.fnmatchcase(form, entry) for entry in entries if not entry.startswith("!")
               for form in forms)


def excluded_names(packages, patterns, lock_entries=()):
    """{installed package name: reason} of the packages kept out of the sync."""
    result = {}
    for package in packages:
        if lock_entries and locked(package, lock_entries):
            result.setdefault(package.name, REASON_VERSIONLOCK)
        if patterns and name_matches(package.name, patterns):
            result[package.name] = REASON_EXCLUDE
    return dict(sorted(result.items()))


def excludes_for(facts, options):
    """The run's excluded names, from the facts and the options (see excluded_names)."""
    locks = () if getattr(options, "ignore_versionlock", False) else facts.dnf_config.versionlock
    return excluded_names(facts.packages, tuple(getattr(options, "exclude", ()) or ()), locks)

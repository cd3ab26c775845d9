"""Parse the root's .repo files without dnf: a broken file must become a finding, not a crash."""
import configparser

from migrate.facts.model import RepoSection

REPOS_DIR = "/etc/yum.repos.d"
TRUE_VALUES = ("1", "yes", "true", "on")


def _split(value):
    return tuple(v for v in value.replace(",", " ").split() if v)


def parse_repo_file(text, path):
    """Sections of one repo file; raises ValueError for text configparser cannot read."""
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(text, source=path)
    except configparser.Error as exc:
        raise ValueError("%s: %s" % (path, str(exc).splitlines()[0]))
    sections = []
    for section in parser.sections():
        get = lambda key, default="": parser.get(section, key, fallback=default).strip()  # noqa: E731
        sections.append(
            RepoSection(
                file=path,
                repo_id=section,
                name=get("name", section),
                enabled=get("enabled", "1").lower() in TRUE_VALUES,
                baseurl=_split(get("baseurl")),
                mirrorlist=get("mirrorlist"),
                metalink=get("metalink"),
                gpgkey=_split(get("gpgkey")),
            )
        )
    return sections


def collect_repos(root):
    repos, errors = [], []
    for name in root.listdir(REPOS_DIR):
        if not name.endswith(".repo"):
            continue
        path = "%s/%s" % (REPOS_DIR, name)
        try:
            repos.extend(parse_repo_file(root.read_text(path), path))
        except (ValueError, IOError, OSError) as exc:
            errors.append(str(exc))
    return tuple(repos), tuple(errors)

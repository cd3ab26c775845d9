"""With --mirror, the installed AlmaLinux repo files point at that mirror (baseurl instead of
mirrorlist), so the host keeps using the mirror the conversion was tested against."""
from migrate.steps.base import Step
from migrate.steps.repo_files import rewrite_repo_files


def point_repo_text(text, official_url, mirror):
    """Comment out mirrorlist/metalink and set baseurl to the mirror in each section that has a
    baseurl (live or commented) under the official URL; other sections stay as they are."""
    official, mirror = official_url.rstrip("/"), mirror.rstrip("/")
    sections, current = [], []
    for line in text.splitlines(True):
        if line.lstrip().startswith("[") and current:
            sections.append(current)
            current = []
        current.append(line)
    if current:
        sections.append(current)
    out = []
    for lines in sections:
        base = [i for i, l in enumerate(lines)
                if l.lstrip("#; \t").startswith("baseurl") and official in l]
        if not base:
            out.extend(lines)
            continue
        for index, line in enumerate(lines):
            bare = line.strip()
            if index in base:
                url = bare.lstrip("#; \t").split("=", 1)[1].strip()
                out.append("baseurl=%s\n" % url.replace(official, mirror, 1))
            elif bare.startswith(("mirrorlist", "metalink")):
                out.append("# " + line if line.endswith("\n") else "# " + line + "\n")
            else:
                out.append(line)
    return "".join(out)


class PointReposAtMirror(Step):
    id = "POINT_REPOS_AT_MIRROR"
    title = "Point the AlmaLinux repo files at --mirror"
    after_point_of_no_return = True

    def applies(self, ctx):
        return bool(ctx.options.mirror)

    def apply(self, ctx):
        official = ctx.target.profile.official_url
        changed = rewrite_repo_files(ctx.root, lambda text: point_repo_text(text, official, ctx.options.mirror))
        return "rewrote %s" % (", ".join(changed) or "nothing")

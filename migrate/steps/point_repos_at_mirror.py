"""With --mirror, the installed AlmaLinux repo files point at that mirror (baseurl instead of
mirrorlist), so the host keeps using the mirror the conversion was tested against. With
--ca-cert (an https mirror with a private CA) the CA goes into the root and each section names
it (sslcacert=): without it the converted host's dnf could not verify its own mirror."""
from migrate.errors import MigrateError
from migrate.steps.base import Step
from migrate.steps.repo_files import rewrite_repo_files

MIRROR_CA = "/etc/pki/almalinux-migrate/mirror-ca.pem"


def point_repo_text(text, official_url, mirror, sslcacert=None):
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
                if sslcacert:
                    out.append("sslcacert=%s\n" % sslcacert)
            elif sslcacert and bare.startswith("sslcacert"):
                continue
            elif bare.startswith(("mirrorlist", "metalink")):
                out.append("# " + line if line.endswith("\n") else "# " + line + "\n")
            else:
                out.append(line)
    return "".join(out)


class PointReposAtMirror(Step):
    id = "POINT_REPOS_AT_MIRROR"
    title = "Point the AlmaLinux repo files at --mirror"
    needs = ("target",)

    def applies(self, ctx):
        return bool(ctx.options.mirror)

    def apply(self, ctx):
        official = ctx.target.profile.official_url
        ca = self._install_ca(ctx)
        changed = rewrite_repo_files(ctx.root, lambda text: point_repo_text(text, official, ctx.options.mirror, ca))
        return "rewrote %s%s" % (", ".join(changed) or "nothing", "; CA at " + ca if ca else "")

    def _install_ca(self, ctx):
        """MIRROR_CA in the root with the --ca-cert bundle; None when the mirror needs none."""
        ca_cert = getattr(ctx.options, "ca_cert", None)
        if not ca_cert or not ctx.options.mirror.startswith("https://"):
            return None
        try:
            with open(ca_cert, "rb") as handle:
                data = handle.read()
        except (IOError, OSError) as exc:
            raise MigrateError("cannot read --ca-cert %s (%s): put it back, then run `almalinux-migrate "
                               "resume`" % (ca_cert, exc.strerror or exc))
        ctx.root.write_bytes(MIRROR_CA, data, mode=0o644)
        return MIRROR_CA

"""The AlmaLinux counterparts of the source's enabled repos (crb, powertools, ha, ...) were in
the transaction; they stay enabled in the installed AlmaLinux repo files."""
from migrate.steps.base import Step
from migrate.steps.repo_files import REPOS_DIR, enable_sections


class EnableMappedRepos(Step):
    id = "ENABLE_MAPPED_REPOS"
    title = "Enable the AlmaLinux counterparts of the source's enabled repos"
    after_point_of_no_return = True

    def _wanted(self, ctx):
        default = set(r["id"] for r in ctx.target.profile.repos if r.get("enabled"))
        return set(r["id"] for r in (ctx.plan or {}).get("repos", [])
                   if not r.get("missing") and r["id"] not in default)

    def applies(self, ctx):
        return bool(self._wanted(ctx))

    def apply(self, ctx):
        wanted, changed = self._wanted(ctx), []
        for name in ctx.root.listdir(REPOS_DIR):
            if not name.endswith(".repo"):
                continue
            path = "%s/%s" % (REPOS_DIR, name)
            text = ctx.root.read_text(path)
            new = enable_sections(text, wanted)
            if new != text:
                ctx.root.write_text(path, new)
                changed.append(name)
        return "enabled %s in %s" % (", ".join(sorted(wanted)), ", ".join(changed) or "no file")

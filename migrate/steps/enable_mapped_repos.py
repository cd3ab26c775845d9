"""The AlmaLinux counterparts of the source's enabled repos (crb, powertools, ha, ...) were in
the transaction; they stay enabled in the installed AlmaLinux repo files."""
from migrate.steps.base import Step
from migrate.steps.repo_files import enable_sections, rewrite_repo_files


class EnableMappedRepos(Step):
    id = "ENABLE_MAPPED_REPOS"
    title = "Enable the AlmaLinux counterparts of the source's enabled repos"
    needs = ("target", "plan")

    def _wanted(self, ctx):
        default = set(r["id"] for r in ctx.target.profile.repos if r.get("enabled"))
        return set(r["id"] for r in (ctx.plan or {}).get("repos", [])
                   if not r.get("missing") and r["id"] not in default)

    def applies(self, ctx):
        return bool(self._wanted(ctx))

    def apply(self, ctx):
        wanted = self._wanted(ctx)
        changed = rewrite_repo_files(ctx.root, lambda text: enable_sections(text, wanted))
        return "enabled %s in %s" % (", ".join(sorted(wanted)), ", ".join(changed) or "no file")

"""RHEL: redhat.repo/ubi.repo would bring the CDN back after the conversion; renamed, not
deleted, so the admin can see what was there."""
from migrate.steps.base import Step
from migrate.steps.repo_files import ASIDE_SUFFIX, REPOS_DIR, rename_aside


class SetAsideRepoFiles(Step):
    id = "SET_ASIDE_REPO_FILES"
    title = "Move the source's own repo files aside"
    needs = ("source",)

    def _present(self, ctx):
        return [n for n in ctx.source.profile.repo_files_aside
                if ctx.root.exists("%s/%s" % (REPOS_DIR, n))]

    def applies(self, ctx):
        return bool(ctx.source.profile is not None and ctx.source.profile.repo_files_aside
                    and not ctx.options.keep_rhsm)

    def is_done(self, ctx):
        return not self._present(ctx)

    def apply(self, ctx):
        return rename_aside(ctx.root, REPOS_DIR, self._present(ctx), ASIDE_SUFFIX)

"""Free the space the downloaded packages take once nothing can need them again."""
import os
import shutil

from migrate.steps.base import Step


def remove_downloads(ctx):
    """Delete the downloaded packages (dnf's metadata stays); the number of files removed."""
    removed = 0
    cache = ctx.state_path("dnf-cache")
    for name in os.listdir(cache) if os.path.isdir(cache) else ():
        packages = ctx.state_path("dnf-cache", name, "packages")  # each resolved in the root
        if os.path.isdir(packages):
            removed += len(os.listdir(packages))
            shutil.rmtree(packages)
    return removed


class RemoveDownloads(Step):
    id = "REMOVE_DOWNLOADS"
    title = "Remove the downloaded packages"
    after_point_of_no_return = True

    def apply(self, ctx):
        return "%d files" % remove_downloads(ctx)

"""Free the space the downloaded packages take once nothing can need them again.

In the conversion each repo's packages directory is renamed aside at once (nothing can read
them any more) and deleted by a background thread the interpreter joins at exit, so deleting
thousands of files runs beside the report instead of inside the window before `run_finished`
(docs/performance.md). A run killed before the thread finished leaves a renamed directory,
which the next removal deletes first. A rollback removes them at once (engine.undo_steps)."""
import os
import shutil
import threading

from migrate.layout import DNF_CACHE
from migrate.steps.base import Step

TRASH = "packages.removed"


def _delete(paths):
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def remove_downloads(ctx, background=False):
    """Delete the downloaded packages (dnf's metadata stays); the number of files removed.
    `background`: rename them aside and delete them in a thread joined at exit."""
    removed = 0
    trash = []
    cache = ctx.state_path(DNF_CACHE)
    for name in os.listdir(cache) if os.path.isdir(cache) else ():
        stale = ctx.state_path(DNF_CACHE, name, TRASH)  # each resolved in the root
        if os.path.isdir(stale):  # left by a run killed while deleting
            shutil.rmtree(stale)
        packages = ctx.state_path(DNF_CACHE, name, "packages")
        if os.path.isdir(packages):
            removed += len(os.listdir(packages))
            if background:
                os.rename(packages, stale)
                trash.append(stale)
            else:
                shutil.rmtree(packages)
    if trash:  # not a daemon: the interpreter waits for it before the process exits
        threading.Thread(target=_delete, args=(trash,), name="remove-downloads").start()
    return removed


class RemoveDownloads(Step):
    id = "REMOVE_DOWNLOADS"
    title = "Remove the downloaded packages"

    def apply(self, ctx):
        return "%d files" % remove_downloads(ctx, background=True)

"""Free the space the downloaded packages take once nothing can need them again.

Each repo's packages directory is renamed aside at once (the step's effect: nothing can read
them any more) and deleted by a background thread that the interpreter joins at exit, so the
deletion of thousands of files runs beside the report instead of inside the window before
`run_finished` (docs/performance.md). A run killed before the thread finished leaves a renamed
directory, which the next run of this step deletes first."""
import os
import shutil
import threading

from migrate.steps.base import Step

TRASH = "packages.removed"


def _delete(paths):
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


class RemoveDownloads(Step):
    id = "REMOVE_DOWNLOADS"
    title = "Remove the downloaded packages"
    after_point_of_no_return = True

    def apply(self, ctx):
        removed = 0
        trash = []
        cache = os.path.join(ctx.workdir, "dnf-cache")
        for name in os.listdir(cache) if os.path.isdir(cache) else ():
            stale = os.path.join(cache, name, TRASH)
            if os.path.isdir(stale):  # left by a run killed while deleting
                shutil.rmtree(stale)
            packages = os.path.join(cache, name, "packages")
            if os.path.isdir(packages):
                removed += len(os.listdir(packages))
                os.rename(packages, stale)
                trash.append(stale)
        if trash:  # not a daemon: the interpreter waits for it before the process exits
            threading.Thread(target=_delete, args=(trash,), name="remove-downloads").start()
        return "%d files" % removed

"""Download every package of the transaction before the point of no return, so that after it
nothing needs the network (a mirror dying mid-sync is what strands peers' hosts)."""
import logging

from migrate.errors import MigrateError
from migrate.steps.base import Step

log = logging.getLogger(__name__)


class DownloadPackages(Step):
    id = "DOWNLOAD_PACKAGES"
    title = "Download the packages"

    def apply(self, ctx):
        import dnf.callback
        import dnf.exceptions

        if ctx.packages is None:
            ctx.resolve()
        total = len(ctx.packages)
        state = {"done": 0}

        class Progress(dnf.callback.DownloadProgress):
            def start(self, total_files, total_size, total_drpms=0):
                ctx.progress(DownloadPackages.id, 0, total, "packages")

            def progress(self, payload, done):
                pass

            def end(self, payload, status, msg):
                state["done"] += 1
                ctx.progress(DownloadPackages.id, state["done"], total, "packages")

        try:
            ctx.base.download_packages(ctx.packages, Progress())
        except dnf.exceptions.DownloadError as exc:
            raise MigrateError("download failed: %s" % exc)
        return "%d packages" % total

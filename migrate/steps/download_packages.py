"""Download every package of the transaction before the point of no return, so that after it
nothing needs the network (a mirror dying mid-sync is what strands peers' hosts)."""
import logging
import os

from migrate.errors import MigrateError
from migrate.interrupts import library_interruption
from migrate.layout import DNF_CACHE
from migrate.steps.base import Step

log = logging.getLogger(__name__)
MIB = 1024 * 1024


def check_space(directory, needed):
    """Refuse before downloading when the cache's filesystem cannot hold the packages: a
    half-filled disk is worse than a clear message."""
    stat = os.statvfs(directory)
    free = stat.f_bavail * stat.f_frsize
    if free < needed * 1.05 + MIB:
        raise MigrateError("not enough space for the download in %s: %.1f MiB free, %.1f MiB needed; "
                           "free some space there and run the conversion again"
                           % (directory, free / float(MIB), needed / float(MIB)))


class DownloadPackages(Step):
    id = "DOWNLOAD_PACKAGES"
    title = "Download the packages"
    needs = ("facts", "source", "target", "plan", "trusted_keys")  # the transaction is solved from them

    def apply(self, ctx):
        import dnf.callback
        import dnf.exceptions

        packages = ctx.transaction.solved().packages
        check_space(ctx.state_path(DNF_CACHE),
                    sum(p.downloadsize or 0 for p in packages if not os.path.exists(p.localPkg())))
        total = len(packages)
        state = {"done": 0, "bytes": {}, "size": 0}

        class Progress(dnf.callback.DownloadProgress):
            def start(self, total_files, total_size, total_drpms=0):
                state["size"] = total_size
                ctx.ui.transfer(DownloadPackages.id, 0, total_size)
                ctx.progress(DownloadPackages.id, 0, total, "packages")

            def progress(self, payload, done):
                state["bytes"][str(payload)] = done
                ctx.ui.transfer(DownloadPackages.id, sum(state["bytes"].values()), state["size"], str(payload))

            def end(self, payload, status, msg):
                if status not in SUCCEEDED:  # a failed attempt (or a mirror's): not progress
                    return
                state["done"] += 1
                ctx.progress(DownloadPackages.id, state["done"], total, "packages", current=str(payload))

        SUCCEEDED = (dnf.callback.STATUS_OK, dnf.callback.STATUS_ALREADY_EXISTS)
        try:
            ctx.transaction.base.download_packages(packages, Progress())
        except dnf.exceptions.DownloadError as exc:
            interrupted = library_interruption(str(exc))
            if interrupted:
                raise ctx.interrupts.caught_by_library(interrupted.name)
            raise MigrateError("download failed: %s" % exc)
        finally:
            ctx.interrupts.reclaim()  # librepo keeps its own SIGINT handler after a download
        return "%d packages" % total

"""Download progress counts packages that arrived, not attempts: a mirror that fails (status
MIRROR) or a package that fails for good (FAILED) never moves `done`."""
import os

import pytest

from migrate.layout import DNF_CACHE
from migrate.root import Root
from migrate.steps.download_packages import DownloadPackages
from tests.kit import make_ctx

callback = pytest.importorskip("dnf.callback")


class Package(object):
    downloadsize = 0

    def __init__(self, name):
        self.name = name

    def localPkg(self):
        return "/nonexistent/" + self.name


class Base(object):
    def __init__(self, statuses):
        self.statuses = statuses

    def download_packages(self, packages, progress):
        progress.start(len(packages), 0)
        for package, status in zip(packages, self.statuses):
            progress.end(package, status, "")


def _ctx(tmp_path, statuses):
    root = Root(str(tmp_path))
    os.makedirs(root.join(DNF_CACHE))
    ctx = make_ctx(root)
    ctx.transaction.packages = [Package("p%d" % i) for i in range(len(statuses))]
    ctx.transaction.base = Base(statuses)
    return ctx


def test_only_packages_that_arrived_are_counted(tmp_path):
    statuses = [callback.STATUS_OK, callback.STATUS_MIRROR, callback.STATUS_MIRROR, callback.STATUS_OK,
                callback.STATUS_ALREADY_EXISTS, callback.STATUS_FAILED]
    ctx = _ctx(tmp_path, statuses)
    DownloadPackages().apply(ctx)
    assert [told[1:3] for told in ctx.ui.told("progress")] == [(0, 6), (1, 6), (2, 6), (3, 6)]

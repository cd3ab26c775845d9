"""Download progress counts packages that arrived, not attempts: a mirror that fails (status
MIRROR) or a package that fails for good (FAILED) never moves `done`."""
import os

import pytest

from migrate.interrupts import Interrupts
from migrate.layout import STATE_DIR
from migrate.steps.download_packages import DownloadPackages

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


class Ctx(object):
    def __init__(self, tmp_path, statuses):
        self.workdir = str(tmp_path)
        (tmp_path / "dnf-cache").mkdir()
        self.transaction = self  # the step reads the transaction's packages and base
        self.packages = [Package("p%d" % i) for i in range(len(statuses))]
        self.base = Base(statuses)
        self.interrupts = Interrupts()
        self.reported = []

        self.ui = self

    def state_path(self, path, *names):
        return os.path.join(self.workdir, os.path.relpath(path, STATE_DIR), *names)

    def transfer(self, *args):
        pass  # bytes on a terminal's bar: not what is counted here

    def progress(self, step_id, done, total, unit, current=None):
        self.reported.append((done, total))


def test_only_packages_that_arrived_are_counted(tmp_path):
    statuses = [callback.STATUS_OK, callback.STATUS_MIRROR, callback.STATUS_MIRROR, callback.STATUS_OK,
                callback.STATUS_ALREADY_EXISTS, callback.STATUS_FAILED]
    ctx = Ctx(tmp_path, statuses)
    DownloadPackages().apply(ctx)
    assert ctx.reported == [(0, 6), (1, 6), (2, 6), (3, 6)]

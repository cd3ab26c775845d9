"""DISTRO_SYNC without dnf: a transaction with work left is not done, and a download gone from
the cache stops it before rpm starts (rpm's run and dnf's history: tests/sandbox)."""
import pytest

from migrate.errors import MigrateError
from migrate.root import Root
from migrate.steps.distro_sync import DistroSync
from migrate.transaction.history import DNF_PERSIST
from tests.kit import make_ctx


class Downloaded(object):
    def __init__(self, path):
        self.path = path

    def localPkg(self):
        return self.path


class DnfTransaction(object):
    """What the step reads of dnf's transaction: what it installs and removes."""

    def __init__(self, install, remove):
        self.install_set, self.remove_set = set(install), set(remove)

    def __len__(self):
        return len(self.install_set) + len(self.remove_set)


class Conf(object):
    def __init__(self, persistdir):
        self.persistdir = persistdir


class SolvedBase(object):
    """What migrate.transaction.conversion reads of a dnf.Base solved from the download cache in
    a resumed run: its history is the root's own, its transaction built."""

    def __init__(self, root, install=(), remove=()):
        self.conf = Conf(root.handover(DNF_PERSIST))
        self._transaction = DnfTransaction(install, remove)

    @property
    def transaction(self):
        return self._transaction


def ctx_with(tmp_path, install=(), remove=()):
    ctx = make_ctx(Root(str(tmp_path)))
    ctx.transaction.base = SolvedBase(ctx.root, install, remove)
    return ctx


def test_work_left_in_the_transaction_is_not_done(tmp_path):
    assert not DistroSync().is_done(ctx_with(tmp_path, remove=["rocky-release"]))
    assert not DistroSync().is_done(ctx_with(tmp_path, install=[Downloaded("/c/bash.rpm")]))


def test_a_download_gone_from_the_cache_stops_it_before_rpm_runs(tmp_path):
    present = tmp_path / "almalinux-release.rpm"
    present.write_bytes(b"rpm")
    ctx = ctx_with(tmp_path, install=[Downloaded(str(present)), Downloaded(str(tmp_path / "bash.rpm"))])
    with pytest.raises(MigrateError) as caught:
        DistroSync().apply(ctx)
    assert caught.value.message == "1 downloaded package(s) are gone from the cache, e.g. %s" % (tmp_path / "bash.rpm")
    assert ctx.ui.calls == [] and ctx.events.calls == []  # no progress: rpm never started

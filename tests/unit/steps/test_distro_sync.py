"""DISTRO_SYNC without dnf: when a resumed run finds the transaction done, and that a download
gone from the cache stops it before rpm starts (the transaction itself: tests/sandbox)."""
import pytest

from migrate.errors import MigrateError
from migrate.root import Root
from migrate.steps.distro_sync import DistroSync
from tests.kit import make_ctx


class Downloaded(object):
    def __init__(self, path):
        self.path = path

    def localPkg(self):
        return self.path


class Transaction(object):
    """What the step reads of a solved dnf transaction: what it installs and removes."""

    def __init__(self, install, remove):
        self.install_set, self.remove_set = set(install), set(remove)

    def __len__(self):
        return len(self.install_set) + len(self.remove_set)


class SolvedBase(object):
    def __init__(self, install=(), remove=()):
        self.transaction = Transaction(install, remove)


def ctx_with(tmp_path, base):
    ctx = make_ctx(Root(str(tmp_path)))
    ctx.transaction_base = lambda: base
    return ctx


def test_done_when_solving_again_leaves_nothing_to_install_or_remove(tmp_path):
    step = DistroSync()
    assert step.is_done(ctx_with(tmp_path, SolvedBase()))
    assert not step.is_done(ctx_with(tmp_path, SolvedBase(remove=["rocky-release"])))
    assert not step.is_done(ctx_with(tmp_path, SolvedBase(install=[Downloaded("/c/bash.rpm")])))


def test_a_download_gone_from_the_cache_stops_it_before_rpm_runs(tmp_path):
    present = tmp_path / "almalinux-release.rpm"
    present.write_bytes(b"rpm")
    base = SolvedBase(install=[Downloaded(str(present)), Downloaded(str(tmp_path / "bash.rpm"))])
    ctx = ctx_with(tmp_path, base)
    with pytest.raises(MigrateError) as caught:
        DistroSync().apply(ctx)
    assert caught.value.message == "1 downloaded package(s) are gone from the cache, e.g. %s" % (tmp_path / "bash.rpm")
    assert ctx.ui.calls == [] and ctx.events.calls == []  # no progress: rpm never started

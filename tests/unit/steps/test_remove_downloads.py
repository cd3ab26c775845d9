"""REMOVE_DOWNLOADS renames each packages directory aside and deletes it in the background."""
import pathlib
import threading

from migrate.layout import DNF_CACHE
from migrate.root import Root
from migrate.steps.remove_downloads import RemoveDownloads, remove_downloads
from tests.kit import make_ctx


def _ctx_and_cache(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    return ctx, pathlib.Path(ctx.state_path(DNF_CACHE))


def test_downloads_are_moved_aside_then_deleted_and_stale_trash_goes_first(tmp_path):
    ctx, cache = _ctx_and_cache(tmp_path)
    (cache / "baseos-1234" / "packages").mkdir(parents=True)
    for name in ("a.rpm", "b.rpm"):
        (cache / "baseos-1234" / "packages" / name).write_bytes(b"rpm")
    (cache / "appstream-5678" / "packages.removed").mkdir(parents=True)  # a killed run's
    (cache / "appstream-5678" / "packages.removed" / "c.rpm").write_bytes(b"rpm")
    (cache / "appstream-5678" / "repodata").mkdir()

    detail = RemoveDownloads().apply(ctx)
    for thread in threading.enumerate():
        if thread.name == "remove-downloads":
            thread.join()

    assert detail == "2 files"
    assert sorted(p.name for p in (cache / "baseos-1234").iterdir()) == []
    assert sorted(p.name for p in (cache / "appstream-5678").iterdir()) == ["repodata"]


def test_a_rollback_removes_them_at_once(tmp_path):
    ctx, cache = _ctx_and_cache(tmp_path)
    (cache / "baseos-1234" / "packages").mkdir(parents=True)
    (cache / "baseos-1234" / "packages" / "a.rpm").write_bytes(b"rpm")
    assert remove_downloads(ctx) == 1
    assert list((cache / "baseos-1234").iterdir()) == []

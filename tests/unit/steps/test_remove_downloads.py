"""REMOVE_DOWNLOADS renames each packages directory aside and deletes it in the background."""
import os
import threading
import types

from migrate.layout import STATE_DIR
from migrate.steps.remove_downloads import RemoveDownloads, remove_downloads


def fake_context(tmp_path):
    """The state dir is tmp_path."""
    return types.SimpleNamespace(
        state_path=lambda path, *names: os.path.join(str(tmp_path), os.path.relpath(path, STATE_DIR), *names))


def test_downloads_are_moved_aside_then_deleted_and_stale_trash_goes_first(tmp_path):
    cache = tmp_path / "dnf-cache"
    (cache / "baseos-1234" / "packages").mkdir(parents=True)
    for name in ("a.rpm", "b.rpm"):
        (cache / "baseos-1234" / "packages" / name).write_bytes(b"rpm")
    (cache / "appstream-5678" / "packages.removed").mkdir(parents=True)  # a killed run's
    (cache / "appstream-5678" / "packages.removed" / "c.rpm").write_bytes(b"rpm")
    (cache / "appstream-5678" / "repodata").mkdir()

    ctx = fake_context(tmp_path)
    detail = RemoveDownloads().apply(ctx)
    for thread in threading.enumerate():
        if thread.name == "remove-downloads":
            thread.join()

    assert detail == "2 files"
    assert sorted(p.name for p in (cache / "baseos-1234").iterdir()) == []
    assert sorted(p.name for p in (cache / "appstream-5678").iterdir()) == ["repodata"]


def test_a_rollback_removes_them_at_once(tmp_path):
    (tmp_path / "dnf-cache" / "baseos-1234" / "packages").mkdir(parents=True)
    (tmp_path / "dnf-cache" / "baseos-1234" / "packages" / "a.rpm").write_bytes(b"rpm")
    ctx = fake_context(tmp_path)
    assert remove_downloads(ctx) == 1
    assert list((tmp_path / "dnf-cache" / "baseos-1234").iterdir()) == []

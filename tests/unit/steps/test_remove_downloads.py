"""REMOVE_DOWNLOADS renames each packages directory aside and deletes it in the background."""
import threading
import types

from migrate.steps.remove_downloads import RemoveDownloads


def test_downloads_are_moved_aside_then_deleted_and_stale_trash_goes_first(tmp_path):
    cache = tmp_path / "dnf-cache"
    (cache / "baseos-1234" / "packages").mkdir(parents=True)
    for name in ("a.rpm", "b.rpm"):
        (cache / "baseos-1234" / "packages" / name).write_bytes(b"rpm")
    (cache / "appstream-5678" / "packages.removed").mkdir(parents=True)  # a killed run's
    (cache / "appstream-5678" / "packages.removed" / "c.rpm").write_bytes(b"rpm")
    (cache / "appstream-5678" / "repodata").mkdir()

    detail = RemoveDownloads().apply(types.SimpleNamespace(workdir=str(tmp_path)))
    for thread in threading.enumerate():
        if thread.name == "remove-downloads":
            thread.join()

    assert detail == "2 files"
    assert sorted(p.name for p in (cache / "baseos-1234").iterdir()) == []
    assert sorted(p.name for p in (cache / "appstream-5678").iterdir()) == ["repodata"]

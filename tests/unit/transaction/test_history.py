"""dnf's history for the conversion: a copy for the what-if, the root's for the transaction."""
import os
import types

from migrate.root import Root
from migrate.transaction import history as H


def test_snapshot_copies_the_roots_history_and_log_and_drops_a_stale_copy(tmp_path):
    root = Root(str(tmp_path / "root"))
    dnf_dir = tmp_path / "root" / "var" / "lib" / "dnf"
    dnf_dir.mkdir(parents=True)
    (dnf_dir / "history.sqlite").write_bytes(b"main")
    (dnf_dir / "history.sqlite-wal").write_bytes(b"log")
    (dnf_dir / "history.sqlite-shm").write_bytes(b"index")
    persist = tmp_path / "persist"
    persist.mkdir()
    (persist / "history.sqlite").write_bytes(b"old")
    (persist / "history.sqlite-shm").write_bytes(b"stale")
    H.snapshot_history(root, str(persist))
    assert sorted(p.name for p in persist.iterdir()) == ["history.sqlite", "history.sqlite-wal"]
    assert (persist / "history.sqlite").read_bytes() == b"main"
    assert (persist / "history.sqlite-wal").read_bytes() == b"log"
    assert sorted(p.name for p in dnf_dir.iterdir()) == [
        "history.sqlite", "history.sqlite-shm", "history.sqlite-wal"]


def test_snapshot_of_a_root_without_history_leaves_no_copy(tmp_path):
    persist = tmp_path / "persist"
    persist.mkdir()
    (persist / "history.sqlite").write_bytes(b"old")
    H.snapshot_history(Root(str(tmp_path / "root")), str(persist))
    assert list(persist.iterdir()) == []


def test_rebind_closes_the_copy_and_rebuilds_the_transaction_from_the_solved_goal():
    closed = []
    goal = object()
    base = types.SimpleNamespace(
        conf=types.SimpleNamespace(persistdir="/work/persist"), _goal=goal,
        _history=types.SimpleNamespace(close=lambda: closed.append(True)), _transaction=None)
    base._goal2transaction = lambda g: ("transaction of", g, base.conf.persistdir, base._history)
    assert H.rebind_history(base, "/root/var/lib/dnf") == "/work/persist"
    assert closed == [True]
    assert base._transaction == ("transaction of", goal, "/root/var/lib/dnf", None)


def test_module_failsafe_data_is_copied_to_the_roots_persistdir(tmp_path):
    work, rootdir = tmp_path / "work", tmp_path / "root"
    (work / "modulefailsafe").mkdir(parents=True)
    (work / "modulefailsafe" / "perl:5.26.yaml").write_text("data")
    (rootdir / "modulefailsafe").mkdir(parents=True)
    (rootdir / "modulefailsafe" / "stale.yaml").write_text("old")
    assert H.copy_module_failsafe(str(work), str(rootdir)) is True
    assert [p.name for p in (rootdir / "modulefailsafe").iterdir()] == ["perl:5.26.yaml"]
    assert H.copy_module_failsafe(str(rootdir), str(rootdir)) is False
    assert H.copy_module_failsafe(str(tmp_path / "none"), str(rootdir)) is False



def test_publish_checkpoints_the_scratch_copy_and_replaces_the_roots_database(tmp_path):
    import sqlite3

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    writer = sqlite3.connect(str(scratch / "history.sqlite"))
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE trans (id INTEGER)")
    writer.execute("INSERT INTO trans VALUES (7)")
    writer.commit()  # left open, as libdnf keeps its connection: the row is in the log only
    dnf_dir = tmp_path / "root" / "var" / "lib" / "dnf"
    dnf_dir.mkdir(parents=True)
    (dnf_dir / "history.sqlite").write_bytes(b"old")
    (dnf_dir / "history.sqlite-wal").write_bytes(b"stale log")
    (dnf_dir / "history.sqlite-shm").write_bytes(b"stale index")
    H.publish_history(str(scratch), Root(str(tmp_path / "root")))
    writer.close()
    assert sorted(p.name for p in dnf_dir.iterdir()) == ["history.sqlite"]
    reader = sqlite3.connect(str(dnf_dir / "history.sqlite"))
    assert reader.execute("SELECT id FROM trans").fetchall() == [(7,)]
    reader.close()


def test_scratch_history_is_a_fresh_directory(tmp_path):
    first, second = H.scratch_persistdir(str(tmp_path)), H.scratch_persistdir(str(tmp_path))
    try:
        assert first != second and os.path.isdir(first) and os.listdir(first) == []
    finally:
        os.rmdir(first)
        os.rmdir(second)


def test_scratch_history_stays_in_the_state_dir_under_root(tmp_path):
    scratch = H.scratch_persistdir(str(tmp_path), live=False)
    assert os.path.dirname(scratch) == str(tmp_path)

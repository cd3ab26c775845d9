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


def dead_pid():
    import subprocess

    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_scratch_histories_of_runs_that_are_gone_are_removed_at_the_next_start(tmp_path, monkeypatch):
    shm, work = tmp_path / "shm", tmp_path / "work"
    shm.mkdir()
    work.mkdir()
    monkeypatch.setattr(H, "SHM", str(shm))
    gone = dead_pid()
    for parent in (shm, work):
        (parent / ("almalinux-migrate-history.%d.abc" % gone)).mkdir()
        (parent / ("almalinux-migrate-history.%d.abc" % gone) / "history.sqlite").write_bytes(b"x")
    (shm / ("almalinux-migrate-history.%d.live" % os.getpid())).mkdir()
    (shm / "almalinux-migrate-history.nopid").mkdir()
    (shm / "someone-else.1").mkdir()
    made = H.scratch_persistdir(str(work), live=True)
    assert os.path.dirname(made) == str(shm)
    assert os.path.basename(made).startswith("almalinux-migrate-history.%d." % os.getpid())
    assert sorted(p.name for p in shm.iterdir()) == sorted([
        os.path.basename(made), "almalinux-migrate-history.%d.live" % os.getpid(),
        "almalinux-migrate-history.nopid", "someone-else.1"])
    assert list(work.iterdir()) == []


def test_under_root_the_hosts_shm_is_never_touched(tmp_path, monkeypatch):
    shm, work = tmp_path / "shm", tmp_path / "work"
    shm.mkdir()
    work.mkdir()
    monkeypatch.setattr(H, "SHM", str(shm))
    stale = "almalinux-migrate-history.%d.abc" % dead_pid()
    (shm / stale).mkdir()
    (work / stale).mkdir()
    made = H.scratch_persistdir(str(work), live=False)
    assert [p.name for p in shm.iterdir()] == [stale]
    assert [p.name for p in work.iterdir()] == [os.path.basename(made)]


# libdnf's enums (libdnf/transaction/Types.hpp) and the two tables the runner writes, as
# libdnf/transaction/sql/create_tables.sql creates them
T = types.SimpleNamespace(TransactionState_UNKNOWN=0, TransactionState_DONE=1, TransactionState_ERROR=2,
                          TransactionItemState_UNKNOWN=0, TransactionItemState_DONE=1,
                          TransactionItemState_ERROR=2)
SCHEMA = """
CREATE TABLE trans (id INTEGER PRIMARY KEY AUTOINCREMENT, dt_begin INTEGER NOT NULL, dt_end INTEGER,
    rpmdb_version_begin TEXT, rpmdb_version_end TEXT, releasever TEXT NOT NULL, user_id INTEGER NOT NULL,
    cmdline TEXT, state INTEGER NOT NULL, comment TEXT DEFAULT '');
CREATE TABLE trans_item (id INTEGER PRIMARY KEY AUTOINCREMENT, trans_id INTEGER REFERENCES trans(id),
    item_id INTEGER, repo_id INTEGER, action INTEGER NOT NULL, reason INTEGER NOT NULL, state INTEGER NOT NULL);
"""


def history_db(tmp_path):
    """A root whose dnf history holds: 1 a finished conversion, 2 a `dnf install` left open,
    3 a conversion left open with two items, one already DONE."""
    import sqlite3

    dnf_dir = tmp_path / "root" / "var" / "lib" / "dnf"
    dnf_dir.mkdir(parents=True)
    path = str(dnf_dir / "history.sqlite")
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA)
    with connection:
        for tid, cmdline, state in ((1, "convert", T.TransactionState_DONE),
                                    (2, "dnf install x", T.TransactionState_UNKNOWN),
                                    (3, "convert", T.TransactionState_UNKNOWN)):
            connection.execute("INSERT INTO trans (id, dt_begin, dt_end, rpmdb_version_begin, releasever, "
                               "user_id, cmdline, state) VALUES (?, 100, 0, 'begin', '9', 0, ?, ?)",
                               (tid, cmdline, int(state)))
        for item, tid, state in ((1, 3, T.TransactionItemState_UNKNOWN), (2, 3, T.TransactionItemState_DONE),
                                 (3, 2, T.TransactionItemState_UNKNOWN)):
            connection.execute("INSERT INTO trans_item (trans_id, item_id, repo_id, action, reason, state) "
                               "VALUES (?, ?, 1, 1, 1, ?)", (tid, item, int(state)))
    connection.close()
    return Root(str(tmp_path / "root")), path, T


def test_the_open_conversion_record_is_ended_as_libdnf_ends_one(tmp_path):
    import sqlite3

    root, path, T = history_db(tmp_path)
    assert H.open_record(root, "convert", T) == 3
    H.end_record(root, 3, None, "cookie-after", T, now=200)
    assert H.open_record(root, "convert", T) is None
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT id, dt_end, rpmdb_version_end, state FROM trans ORDER BY id").fetchall() == [
        (1, 0, None, T.TransactionState_DONE), (2, 0, None, T.TransactionState_UNKNOWN),
        (3, 200, "cookie-after", T.TransactionState_DONE)]
    assert connection.execute("SELECT trans_id, state FROM trans_item ORDER BY id").fetchall() == [
        (3, T.TransactionItemState_DONE), (3, T.TransactionItemState_DONE), (2, T.TransactionItemState_UNKNOWN)]
    connection.close()


def test_no_history_no_open_record(tmp_path):
    assert H.open_record(Root(str(tmp_path / "root")), "convert", T) is None


def test_end_record_writes_each_items_state_and_an_error_state_when_one_failed(tmp_path):
    import sqlite3

    root, path, T = history_db(tmp_path)
    connection = sqlite3.connect(path)
    item_ids = [row[0] for row in connection.execute("SELECT id FROM trans_item WHERE trans_id = 3 ORDER BY id")]
    connection.close()
    H.end_record(root, 3, {item_ids[0]: T.TransactionItemState_DONE, item_ids[1]: T.TransactionItemState_ERROR},
                 "cookie-after", T, now=300)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT state FROM trans_item WHERE trans_id = 3 ORDER BY id").fetchall() == [
        (T.TransactionItemState_DONE,), (T.TransactionItemState_ERROR,)]
    assert connection.execute("SELECT dt_end, state FROM trans WHERE id = 3").fetchone() == (
        300, T.TransactionState_ERROR)
    connection.close()


def test_end_record_of_a_missing_record_changes_nothing(tmp_path):
    import sqlite3

    import pytest

    root, path, T = history_db(tmp_path)
    with pytest.raises(sqlite3.DatabaseError):
        H.end_record(root, 9, None, "cookie", T)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT state FROM trans_item WHERE trans_id = 3 ORDER BY id").fetchall() == [
        (T.TransactionItemState_UNKNOWN,), (T.TransactionItemState_DONE,)]
    connection.close()


def test_restamp_gives_the_record_the_time_and_rpmdb_of_rpms_start(tmp_path):
    import sqlite3

    root, path, T = history_db(tmp_path)
    H.restamp_record(os.path.dirname(path), 3, "cookie-at-start", now=150)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT id, dt_begin, rpmdb_version_begin FROM trans ORDER BY id").fetchall() == [
        (1, 100, "begin"), (2, 100, "begin"), (3, 150, "cookie-at-start")]
    connection.close()

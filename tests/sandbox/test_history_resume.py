"""dnf's history of the conversion survives a kill between rpm's run and dnf's history `end`:
`resume` ends the record the killed run began, so `dnf history` shows the conversion exactly
once, complete (issue 16: "written right after the rpm run, and by `resume` if a crash came
between the two")."""
import os
import signal
import sqlite3

import libdnf.transaction as T

from migrate.faults import HISTORY_END
from migrate.transaction.record import HISTORY_CMDLINE
from tests.sandbox.cli import KILL_BEFORE, OFFLINE, rpm_query, run_cli
from tests.schema import assert_valid_report


def conversion_records(root):
    connection = sqlite3.connect(os.path.join(str(root), "var/lib/dnf/history.sqlite"))
    try:
        records = connection.execute("SELECT id, dt_end, rpmdb_version_end, state FROM trans WHERE cmdline = ?",
                                     (HISTORY_CMDLINE,)).fetchall()
        items = connection.execute("SELECT trans_id, state FROM trans_item").fetchall()
    finally:
        connection.close()
    return records, items


def test_resume_ends_the_history_record_a_kill_after_rpms_run_left_open(world, mirror, centos9_root, trust_config):
    args = ["convert", "--yes", "--downgrade", "--mirror", world.mirror_url(mirror)]
    killed = run_cli(centos9_root, *args, config=trust_config, env={KILL_BEFORE: HISTORY_END})
    assert killed.returncode == -signal.SIGKILL, killed
    records, _ = conversion_records(centos9_root)
    assert [(state, dt_end) for _, dt_end, _, state in records] == [(T.TransactionState_UNKNOWN, 0)]
    assert "almalinux-release" in " ".join(rpm_query(centos9_root, "-qa", "--qf", "%{NAME} "))

    resumed = run_cli(centos9_root, "resume", "--yes", prefix=OFFLINE, config=trust_config)
    assert resumed.returncode == 0, resumed
    assert assert_valid_report(resumed.document)["status"] == "converted"
    records, items = conversion_records(centos9_root)
    assert len(records) == 1, records
    record, dt_end, rpmdb_version_end, state = records[0]
    assert state == T.TransactionState_DONE and dt_end > 0 and rpmdb_version_end
    mine = [s for trans_id, s in items if trans_id == record]
    assert len(mine) > 50 and set(mine) == {T.TransactionItemState_DONE}

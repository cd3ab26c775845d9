import json

from migrate.statuses import EXIT_CODES, Status, error_status, exit_code
from tests.schema import SCHEMA_PATH


def test_every_status_of_the_report_schema_is_named_once():
    with open(SCHEMA_PATH) as handle:
        allowed = json.load(handle)["properties"]["status"]["enum"]
    assert sorted(Status.ALL) == sorted(allowed)


def test_the_contracts_exit_codes_per_command():
    assert [exit_code("convert", s) for s in (Status.READY, Status.BLOCKED, Status.CONVERTED,
                                              Status.ROLLED_BACK, Status.FAILED,
                                              Status.ROLLBACK_INCOMPLETE)] == [0, 3, 0, 4, 5, 6]
    assert exit_code("preflight", Status.ALREADY_CONVERTED) == 0
    assert exit_code("rollback", Status.ROLLED_BACK) == 0  # what was asked for
    assert exit_code("rollback", Status.ROLLBACK_INCOMPLETE) == 6
    assert exit_code("verify", Status.FAILED) == 3  # nothing was changed
    assert exit_code("resume", Status.FAILED) == 5


def test_every_command_status_is_in_the_table_and_error_comes_from_the_exception():
    assert set(s for s in EXIT_CODES if not isinstance(s, tuple)) == set(Status.ALL) - {Status.ERROR}
    assert (error_status(3), error_status(7)) == (Status.BLOCKED, Status.ERROR)

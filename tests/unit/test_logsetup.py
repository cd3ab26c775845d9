"""Log records are masked whole; the kept runs' files sort by time and name their command."""
import logging
import sys

from migrate.layout import RUNS_DIR
from migrate.logsetup import MaskingFormatter, OneLine, kept_path, run_file_name


def _record(message, args=(), exc_info=None):
    return logging.LogRecord("migrate", logging.WARNING, __file__, 1, message, args, exc_info)


def test_run_files_are_named_by_time_command_and_run():
    assert run_file_name("convert", "1a2b3c4d5e6f", now=1796529600) == "20261206T040000Z-convert-1a2b3c4d"
    assert kept_path("20261206T040000Z-convert-1a2b3c4d", ".log") == RUNS_DIR + "/20261206T040000Z-convert-1a2b3c4d.log"


def test_the_log_file_masks_message_arguments_and_traceback():
    try:
        raise ValueError("cannot reach https://user:s3cret@mirror.example.com/")
    except ValueError:
        record = _record("mirror %s", ("https://user:s3cret@mirror.example.com/almalinux",), sys.exc_info())
    text = MaskingFormatter("%(message)s").format(record)
    assert text.startswith("mirror https://user:***@mirror.example.com/almalinux\nTraceback")
    assert text.endswith("ValueError: cannot reach https://user:***@mirror.example.com/") and "s3cret" not in text


def test_the_screen_gets_one_line_without_the_traceback():
    record = _record("transaction failed\nsecond line https://u:pw@m.example.com/")
    assert OneLine().format(record) == "WARNING: transaction failed"
    assert OneLine().format(_record("")) == "WARNING: "

"""librpm's own messages and scriptlet output go to the log, never to our stdout or stderr."""
import logging
import os
import time

import pytest

from migrate.rpmlog import rpm_log_fd, route_rpm_log

rpm = pytest.importorskip("rpm")  # without the bindings there is nothing to route


def logged(caplog, text, timeout=5.0):
    """The rpm logger's messages once `text` is among them (a thread pumps the pipe)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        messages = [r.getMessage() for r in caplog.records if r.name == "rpm"]
        if text in messages:
            return messages
        time.sleep(0.02)
    raise AssertionError("%r never logged; got %r" % (text, messages))


def test_librpm_messages_are_logged_at_info(caplog, capfd):
    caplog.set_level(logging.INFO, logger="rpm")
    route_rpm_log()
    rpm.log(rpm.RPMLOG_WARNING, "bdb_ro: the database is read only\n")
    assert "librpm: warning: bdb_ro: the database is read only" in logged(
        caplog, "librpm: warning: bdb_ro: the database is read only")
    assert [r.levelno for r in caplog.records if r.name == "rpm"] == [logging.INFO]
    assert capfd.readouterr() == ("", "")


def test_scriptlet_output_written_to_the_fd_is_logged_line_by_line(caplog, capfd):
    caplog.set_level(logging.INFO, logger="rpm")
    fd = rpm_log_fd()
    assert fd == rpm_log_fd()  # one pipe for the whole process
    os.write(fd, b"warning: %post(foo) scriptlet\n\nsecond line\n")
    messages = logged(caplog, "librpm: second line")
    assert messages[-2:] == ["librpm: warning: %post(foo) scriptlet", "librpm: second line"]
    assert capfd.readouterr() == ("", "")

"""The reboot decision: opt-in, live host only, after a conversion whose report is on disk."""
import pytest

from migrate.reboot import REBOOT_ARGV, reboot_argv


@pytest.mark.parametrize("live,requested,command,status,written,expected", [
    (True, True, "convert", "converted", True, list(REBOOT_ARGV)),
    (True, True, "resume", "converted", True, list(REBOOT_ARGV)),
    (False, True, "convert", "converted", True, None),  # --root: never this machine
    (True, False, "convert", "converted", True, None),  # opt-in only
    (True, True, "convert", "failed", True, None),
    (True, True, "convert", "blocked", True, None),
    (True, True, "preflight", "ready", True, None),
    (True, True, "convert", "converted", False, None),  # the report is not on disk
])
def test_reboot_decision(live, requested, command, status, written, expected):
    assert reboot_argv(live, requested, command, status, written) == expected

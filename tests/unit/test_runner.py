"""migrate/runner.py and the kit's FakeRunner that stands in for it in the unit tests."""
import inspect
import sys

import pytest

from migrate.errors import CommandFailed
from migrate.runner import Runner
from tests.kit import FakeRunner


def test_the_fake_runner_takes_exactly_the_real_runners_arguments():
    assert inspect.signature(FakeRunner.run) == inspect.signature(Runner.run)


def test_the_fake_runner_refuses_a_command_it_was_not_told_about():
    runner = FakeRunner({("uname", "-r"): "5.14.0\n"})
    with pytest.raises(AssertionError, match="unexpected command"):
        runner.run(["uname", "-m"])
    assert runner.run(["uname", "-r"], timeout=5).stdout == "5.14.0\n"
    assert runner.kwargs[-1]["timeout"] == 5


def test_the_fake_runner_fails_like_the_real_one_when_checked():
    argv = [sys.executable, "-c", "import sys; sys.exit(3)"]
    with pytest.raises(CommandFailed):
        Runner().run(argv)
    with pytest.raises(CommandFailed):
        FakeRunner({tuple(argv): (3, "")}).run(argv)
    fake = FakeRunner({tuple(argv): (3, "")}).run(argv, check=False)
    assert Runner().run(argv, check=False).returncode == fake.returncode == 3

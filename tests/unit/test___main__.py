"""`python3 -m migrate` is the CLI, through the launchers' one entry point (test_launch.py)."""
import os
import subprocess
import sys

from migrate import __version__

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_python_m_migrate_is_the_cli():
    done = subprocess.run([sys.executable, "-m", "migrate", "--version"], cwd=PROJECT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "almalinux-migrate %s\n" % __version__, "")

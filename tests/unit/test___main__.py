"""`python3 -m migrate` runs the CLI; Ctrl-C while the modules load is exit 4, nothing changed."""
import os
import subprocess
import sys

from migrate import __version__

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# A Ctrl-C that lands while migrate.cli is imported: an import hook raising what SIGINT raises.
CTRL_C_DURING_IMPORT = """
import runpy, sys
class CtrlC(object):
    def find_spec(self, name, path=None, target=None):
        if name == "migrate.cli":
            raise KeyboardInterrupt
sys.meta_path.insert(0, CtrlC())
runpy.run_module("migrate", run_name="__main__")
"""


def run(*argv):
    return subprocess.run([sys.executable] + list(argv), cwd=PROJECT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)


def test_python_m_migrate_is_the_cli():
    done = run("-m", "migrate", "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, "almalinux-migrate %s\n" % __version__, "")


def test_ctrl_c_while_loading_is_exit_4_nothing_changed():
    done = run("-c", CTRL_C_DURING_IMPORT)
    assert (done.returncode, done.stdout) == (4, "")
    assert done.stderr == "almalinux-migrate: stopped by SIGINT; nothing was changed\n"

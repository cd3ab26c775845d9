import os
import re
import subprocess
import sys

from migrate.helptext import EXIT_CODES, epilog

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTRACT = os.path.join(REPO, "docs", "cli.md")


def test_help_exit_codes_are_the_contracts():
    with open(CONTRACT, encoding="utf-8") as handle:
        text = handle.read()
    table = text.split("\n## Exit codes\n", 1)[1].split("\n## ", 1)[0]
    documented = [int(code) for code in re.findall(r"^\| (\d) \|", table, re.M)]
    assert documented == [code for code, _ in EXIT_CODES]


def test_help_shows_examples_exit_codes_and_no_none_defaults():
    env = dict(os.environ, COLUMNS="100", PYTHONPATH=REPO)
    outputs = []
    for args in ([], ["preflight"], ["convert"], ["bundle"]):
        proc = subprocess.run([sys.executable, "-m", "migrate"] + args + ["--help"], stdout=subprocess.PIPE,
                              universal_newlines=True, env=env)
        assert proc.returncode == 0
        outputs.append(proc.stdout)
    assert all("[default: None]" not in out for out in outputs)
    assert "INTEGER" not in outputs[0] and "-vv" in outputs[0]
    assert "Exit codes:" in outputs[0] and "7  another run holds the lock" in outputs[0]
    assert "almalinux-migrate convert --yes" in outputs[0]
    assert "--ca-cert" in outputs[1] and "file://" in outputs[1]
    assert epilog().count("\n\n") >= len(EXIT_CODES)

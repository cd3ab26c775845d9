"""docs/automation.md's examples: the panel script is examples/panel-convert.sh word for word,
it passes shellcheck, and it converts, stops on blockers and recognises AlmaLinux on sandbox
hosts; the document's YAML parses."""
import os
import re
import subprocess

import yaml

from tests.sandbox.cli import REPO, diff_snapshots, snapshot

SCRIPT = os.path.join(REPO, "examples", "panel-convert.sh")


def doc_blocks(language):
    with open(os.path.join(REPO, "docs", "automation.md"), encoding="utf-8") as handle:
        return re.findall(r"^```%s\n(.*?)^```$" % language, handle.read(), re.S | re.M)


def panel_convert(pyz, root, config, tmp_path, *options):
    env = dict(os.environ, ALMALINUX_MIGRATE="%s --root %s --config %s" % (pyz, root, config),
               EVENTS=str(tmp_path / "events.jsonl"))
    return subprocess.run([SCRIPT] + list(options), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, env=env)


def test_the_automation_doc_shows_the_tested_script():
    with open(SCRIPT, encoding="utf-8") as handle:
        assert handle.read() in doc_blocks("sh")


def test_the_panel_script_passes_shellcheck():
    result = subprocess.run(["shellcheck", SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    assert result.returncode == 0, result.stdout


def test_the_automation_docs_yaml_parses():
    blocks = doc_blocks("yaml")
    assert blocks and all(yaml.safe_load(block) for block in blocks)


def test_panel_script_converts_then_finds_almalinux(world, mirror, pyz, rocky9_root, trust_config, tmp_path):
    converted = panel_convert(pyz, rocky9_root, trust_config, tmp_path, "--mirror", world.mirror_url(mirror))
    assert converted.returncode == 0, converted.stderr
    assert converted.stdout.startswith("converted: reboot now")
    assert (tmp_path / "events.jsonl").read_text().strip()
    again = panel_convert(pyz, rocky9_root, trust_config, tmp_path, "--mirror", world.mirror_url(mirror))
    assert (again.returncode, again.stdout) == (0, "already AlmaLinux: nothing to do\n"), again.stderr


def test_panel_script_stops_on_blockers(world, mirror, pyz, centos9_root, trust_config, tmp_path):
    before = snapshot(centos9_root)
    blocked = panel_convert(pyz, centos9_root, trust_config, tmp_path, "--mirror", world.mirror_url(mirror))
    assert blocked.returncode == 3, blocked.stderr
    assert blocked.stdout.startswith("blocked, nothing was changed:\n  DOWNGRADE_REQUIRED: ")
    assert diff_snapshots(before, snapshot(centos9_root)) == []

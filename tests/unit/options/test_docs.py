"""README.md's option table and the role's option variables are generated from migrate.options
(`python -m migrate.options.docs`) and up to date."""
import io

import pytest

from migrate.options import OPTIONS, RUN
from migrate.options.docs import TARGETS, markers, readme_table, regenerate


@pytest.mark.parametrize("path,comment,indent,generate", TARGETS, ids=lambda t: str(t).rsplit("/", 1)[-1])
def test_each_generated_block_is_up_to_date(path, comment, indent, generate):
    with io.open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert regenerate(text, comment, indent, generate) == text  # stale: run `python -m migrate.options.docs`


def test_regenerate_replaces_only_the_block():
    begin, end = markers("#")
    text = "head\n  %s\n  old\n  %s\ntail\n" % (begin, end)
    assert regenerate(text, "#", "  ", lambda: "new") == "head\n  %s\nnew\n  %s\ntail\n" % (begin, end)
    with pytest.raises(ValueError):
        regenerate("no markers\n", "#", "", lambda: "new")


def test_the_readme_table_has_a_row_per_run_option_with_its_config_key():
    rows = readme_table().splitlines()[2:]
    run_options = [o for o in OPTIONS if set(o.commands) & set(RUN)]
    assert [row.split(" | ")[0] for row in rows] == ["| `%s%s`" % (o.flag, " " + (
        "\\|".join(o.choices) if o.choices else o.metavar or "")) if o.metavar or o.choices else "| `%s`" % o.flag
        for o in run_options]
    assert "| `--keep-rhsm` | `[repos] keep_rhsm` | " in readme_table()
    assert "| `--resume-on-boot` |  | (`convert` only) install a systemd" in readme_table()

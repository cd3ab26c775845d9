"""convert: a host that preflight blocks gets preflight's report under `convert`: nobody is asked,
no hook runs, no journal is started (a ready host's conversion runs in tests/sandbox)."""
import os
import shutil

from migrate.commands import convert
from migrate.errors import EXIT_BLOCKED
from migrate.hooks import HOOKS_DIR
from migrate.journal import journal_exists
from migrate.root import Root
from tests.factories import FIXTURES
from tests.kit import make_command_ctx, write


def test_a_blocked_host_is_reported_and_nothing_starts(tmp_path):
    root = Root(str(tmp_path / "root"))
    shutil.copytree(os.path.join(FIXTURES, "roots", "debian12"), root.path)
    write(root, HOOKS_DIR + "/pre-convert/10-stop-services", "#!/bin/sh\nexit 0\n")
    os.chmod(root.join(HOOKS_DIR + "/pre-convert/10-stop-services"), 0o755)
    asked = []
    ctx = make_command_ctx(root)
    report, code = convert.run(ctx, asked.append)
    assert (code, report["command"], report["status"]) == (EXIT_BLOCKED, "convert", "blocked")
    assert [f["id"] for f in report["findings"]] == ["UNSUPPORTED_SOURCE"]
    assert asked == [] and not journal_exists(root)
    assert [c[0] for c in ctx.runner.calls] == ["df", "rpm"]  # facts.collect's: no hook ran

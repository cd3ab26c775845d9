"""A mirror that cannot serve the counterpart of an enabled source repo (404, 500, a dropped
connection, a damaged primary.xml) blocks with TARGET_REPOS_MISSING naming the repo and the
reason, overridable with --allow; nothing in the root changes. No test waits on a timeout."""
import pathlib

import pytest

from tests.sandbox.cli import diff_snapshots, run_cli, snapshot
from tests.sandbox.fixture import serve
from tests.sandbox.fixture.hosts import build_host
from tests.sandbox.fixture.roots import copy_root
from tests.schema import assert_valid_report

CRB = "*/CRB/*"  # rocky-9 has crb enabled; AlmaLinux's CRB is its counterpart


@pytest.mark.parametrize("mode, pattern, reason", [
    ("404", CRB + "repomd.xml", "HTTP 404"),
    ("500", CRB + "repomd.xml", "HTTP 500"),
    ("drop", CRB + "repomd.xml", "connection dropped"),
    ("garble", CRB + "primary.xml*", "checksum mismatch"),
])
def test_broken_counterpart_blocks_naming_repo_and_reason(world, trust_config, tmp_path, mode, pattern, reason):
    host = build_host(world, "rocky-9")
    root = pathlib.Path(copy_root(host.root, str(tmp_path / "rocky-9")))
    before = snapshot(root)
    with serve(world.srv, faults={pattern: mode}) as server:
        url = server.url + "/hosts/almalinux"
        result = run_cli(root, "preflight", "--mirror", url, config=trust_config)
        assert result.returncode == 3, result
        report = assert_valid_report(result.document)
        found = dict((f["id"], f) for f in report["findings"])["TARGET_REPOS_MISSING"]
        assert found["severity"] == "blocker" and found["overridable"]
        assert found["data"]["repos"][0]["id"] == "crb" and found["data"]["repos"][0]["source_repos"] == ["crb"]
        assert reason in found["detail"] and reason in found["data"]["repos"][0]["error"]
        assert "rocky-only-tool" in found["data"]["packages"]
        log = (root / "var" / "log" / "almalinux-migrate.log").read_text()
        assert "target repository crb" in log and reason in log
        assert diff_snapshots(before, snapshot(root)) == []
        if mode == "404":  # the admin may accept it: the plan then leaves CRB's packages as they are
            allowed = run_cli(root, "preflight", "--mirror", url, "--allow", "TARGET_REPOS_MISSING",
                              config=trust_config)
            assert allowed.returncode == 0, allowed
            found = dict((f["id"], f) for f in allowed.document["findings"])["TARGET_REPOS_MISSING"]
            assert found["overridden"]

"""The what-if (migrate/plan/whatif.py) lists exactly the items dnf's own `_goal2transaction`
builds from the same solved goal: a real `preflight`, with the two compared inside it."""
import json
import sys

import pytest

from tests.sandbox.cli import REPO, run_cli

# Runs the CLI with migrate.plan.resolve.resolve wrapped: after the real solve, dnf's own
# transaction of the same goal is built and both lists are printed for the test to compare.
COMPARE = r"""
import json, runpy, sys
sys.path.insert(0, %r)
import migrate.plan.resolve as resolve_module

solve = resolve_module.resolve

def compared(base):
    whatif = solve(base)
    dnf_items = base._goal2transaction(base._goal)
    row = lambda items: [[i.action, str(i.pkg), i.pkg.reponame, hash(i.pkg)] for i in items]
    sys.stderr.write("WHATIF " + json.dumps({
        "whatif": row(whatif), "dnf": row(dnf_items),
        "install": [[hash(p) for p in whatif.install_set], [hash(p) for p in dnf_items.install_set]],
        "remove": [sorted(hash(p) for p in whatif.remove_set), sorted(hash(p) for p in dnf_items.remove_set)],
    }) + "\n")
    base._transaction = None
    return whatif

resolve_module.resolve = compared
sys.argv = ["migrate"] + sys.argv[1:]
runpy.run_module("migrate", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("root_name,downgrades", [("centos9_root", True), ("rocky9_root", False)])
def test_whatif_lists_what_dnfs_own_transaction_lists(root_name, downgrades, request, world, mirror, trust_config,
                                                      tmp_path):
    root = request.getfixturevalue(root_name)
    script = tmp_path / "compare.py"
    script.write_text(COMPARE % REPO)
    result = run_cli(root, "preflight", "--mirror", world.mirror_url(mirror), "--downgrade",
                     config=trust_config, command=[sys.executable, str(script)])
    assert result.returncode == 0, result
    lines = [l for l in result.stderr.splitlines() if l.startswith("WHATIF ")]
    assert len(lines) == 1, result
    seen = json.loads(lines[0][len("WHATIF "):])
    assert seen["whatif"] == seen["dnf"]
    assert seen["install"][0] == seen["install"][1]  # the same set, iterated in the same order
    assert seen["remove"][0] == seen["remove"][1]
    import dnf.transaction as T

    actions = set(a for a, _, _, _ in seen["whatif"])
    assert {T.PKG_INSTALL, T.PKG_UPGRADE, T.PKG_UPGRADED, T.PKG_REINSTALL, T.PKG_REINSTALLED,
            T.PKG_REMOVE} <= actions
    assert ({T.PKG_DOWNGRADE, T.PKG_DOWNGRADED} <= actions) == downgrades

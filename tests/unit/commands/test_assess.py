"""assess: facts, then the host and source checks, then (only when nothing blocks and the host
is not AlmaLinux yet) the mirror's key and the what-if; the network parts run in tests/sandbox."""
import os
import shutil

import pytest

from migrate.checks import TARGET_CHECKS
from migrate.commands.assess import assess
from migrate.root import Root
from tests.factories import FIXTURES
from tests.kit import make_command_ctx
from tests.real_corpus import copy_image_root


def debian(tmp_path):
    root = Root(str(tmp_path / "root"))
    shutil.copytree(os.path.join(FIXTURES, "roots", "debian12"), root.path)
    return root


def test_a_blocking_host_check_skips_the_target_checks_and_asks_no_network(tmp_path):
    ctx = make_command_ctx(debian(tmp_path))
    assessment = assess(ctx)
    assert assessment.status == "blocked"
    assert [f["id"] for f in assessment.findings] == ["UNSUPPORTED_SOURCE"]
    reasons = dict((s["id"], s["reason"]) for s in assessment.skipped)
    assert set(reasons[c.id] for c in TARGET_CHECKS) == {"a host check blocks"}
    assert [c[0] for c in ctx.runner.calls] == ["df", "rpm"]  # facts.collect's; no probe, no dnf
    assert (ctx.facts.os_release.os_id, ctx.plan, ctx.trusted_keys) == ("debian", None, None)  # never fetched
    assert ctx.events.told("emit") == [("finding",)]


def test_an_almalinux_host_is_already_converted_without_probing_the_mirror(tmp_path):
    pytest.importorskip("rpm")
    ctx = make_command_ctx(Root(copy_image_root("al9-20231124-arm64v8", str(tmp_path / "root"))))
    assessment = assess(ctx)
    assert assessment.status == "already_converted"
    assert [(f["id"], f["severity"]) for f in assessment.findings] == [("ALREADY_CONVERTED", "info")]
    reasons = dict((s["id"], s["reason"]) for s in assessment.skipped)
    assert set(reasons[c.id] for c in TARGET_CHECKS) == {"the host already runs AlmaLinux"}
    assert [k.fingerprint for k in ctx.known_keys] == ["BF18AC2876178908D6E71267D36CB86CB86B3716"]
    assert ctx.plan is None

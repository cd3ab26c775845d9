"""The source-update probe (migrate/network/source_updates.py): best effort, never a crash."""
import migrate.network.source_updates as probe
from migrate.root import Root
from tests.kit import make_ctx


def test_a_failing_probe_is_a_skip_reason_not_a_crash(monkeypatch):
    ctx = make_ctx(Root("/nonexistent"))

    def broken(*args, **kwargs):
        raise ValueError("repo file rejected")

    monkeypatch.setattr(probe, "probe_source_updates", broken)
    result = probe.source_updates(ctx, ["baseos"])
    assert result.checked == () and "repo file rejected" in result.unreachable[0]
    assert probe.source_updates(ctx, []) is None

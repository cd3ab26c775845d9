"""RHEL unregistration: live host only, skipped with --keep-rhsm, nothing for other sources."""
from migrate.root import Root
from migrate.steps.set_aside_repo_files import SetAsideRepoFiles
from migrate.steps.unregister_subscription import CONSUMER_CERT, UnregisterSubscription
from tests.kit import FakeRunner, LiveRoot, make_source_ctx, write

UNREGISTER = ("subscription-manager", "unregister")


def Ctx(root, profile_id="rhel", **options):
    return make_source_ctx(root, profile_id, FakeRunner({UNREGISTER: (0, "", "offline")}), **options)


def test_registered_live_rhel_host_is_unregistered(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)))
    write(ctx.root, CONSUMER_CERT, "cert")
    step = UnregisterSubscription()
    assert step.applies(ctx) and not step.is_done(ctx)
    assert step.apply(ctx) == "unregistered"
    assert ctx.runner.calls == [["subscription-manager", "unregister"]]


def test_unregister_failure_is_reported_not_fatal(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)))
    ctx.runner.responses[UNREGISTER] = (70, "", "offline")
    assert "failed (exit 70)" in UnregisterSubscription().apply(ctx)


def test_a_root_that_is_not_the_live_host_is_never_unregistered(tmp_path):
    ctx = Ctx(Root(str(tmp_path)))
    write(ctx.root, CONSUMER_CERT, "cert")
    assert "not the live host" in UnregisterSubscription().apply(ctx)
    assert ctx.runner.calls == []


def test_keep_rhsm_keeps_the_subscription_and_redhat_repo(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)), keep_rhsm=True)
    assert not UnregisterSubscription().applies(ctx) and not SetAsideRepoFiles().applies(ctx)


def test_other_sources_have_nothing_to_unregister(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)), profile_id="rocky")
    assert not UnregisterSubscription().applies(ctx) and not SetAsideRepoFiles().applies(ctx)

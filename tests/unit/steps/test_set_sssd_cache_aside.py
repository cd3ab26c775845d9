import os

from migrate.root import Root
from tests.kit import make_source_ctx, write


def test_sssd_cache_is_set_aside_only_after_a_downgrade(tmp_path):
    from migrate.steps.set_sssd_cache_aside import SetSssdCacheAside

    ctx = make_source_ctx(Root(str(tmp_path)), profile_id="centos-stream")
    write(ctx.root, "/var/lib/sss/db/cache_example.com.ldb", "newer format")
    step = SetSssdCacheAside()
    ctx.plan = {"downgraded": []}
    assert not step.applies(ctx)
    ctx.plan = {"downgraded": [{"name": "sssd-client"}]}
    assert step.applies(ctx) and step.apply(ctx) == "moved aside: cache_example.com.ldb"
    assert os.listdir(ctx.root.join("/var/lib/sss/db")) == ["cache_example.com.ldb.almalinux-migrate-bak"]

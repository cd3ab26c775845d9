import os

from migrate.root import Root
from tests.kit import make_source_ctx, write


def test_third_party_repos_are_off_during_the_sync_and_back_on_after(tmp_path):
    from migrate.facts.repos import collect_repos
    from migrate.steps.third_party_repos import DisableThirdPartyRepos, EnableThirdPartyRepos

    ctx = make_source_ctx(Root(str(tmp_path)), profile_id="rocky", third_party="disable")
    write(ctx.root, "/etc/yum.repos.d/rocky.repo", "[baseos]\nbaseurl=http://x/\nenabled=1\n")
    write(ctx.root, "/etc/yum.repos.d/vendor.repo", "[vendor]\nbaseurl=http://v/\nenabled=1\n")
    os.makedirs(ctx.workdir)
    sections, _ = collect_repos(ctx.root)
    ctx.facts = type("F", (), {"repos": sections, "arch": "x86_64"})()
    off, on = DisableThirdPartyRepos(), EnableThirdPartyRepos()
    assert off.applies(ctx) and off.apply(ctx) == "disabled vendor"
    assert "enabled=0" in ctx.root.read_text("/etc/yum.repos.d/vendor.repo")
    assert "enabled=1" in ctx.root.read_text("/etc/yum.repos.d/rocky.repo")
    assert on.apply(ctx) == "re-enabled vendor"
    assert "enabled=1" in ctx.root.read_text("/etc/yum.repos.d/vendor.repo")
    assert not make_source_ctx(Root(str(tmp_path)), profile_id="rocky").options.third_party == "disable"
    assert not off.applies(make_source_ctx(Root(str(tmp_path)), profile_id="rocky"))

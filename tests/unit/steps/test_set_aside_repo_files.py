"""redhat.repo is set aside, not deleted."""
import os

from migrate.root import Root
from migrate.steps.set_aside_repo_files import SetAsideRepoFiles
from tests.kit import make_source_ctx, write


def test_redhat_repo_is_moved_aside_not_deleted(tmp_path):
    ctx = make_source_ctx(Root(str(tmp_path)))
    write(ctx.root, "/etc/yum.repos.d/redhat.repo", "[rhel-9-for-x86_64-baseos-rpms]\n")
    step = SetAsideRepoFiles()
    assert step.applies(ctx) and not step.is_done(ctx)
    assert step.apply(ctx) == "moved aside: redhat.repo"
    assert step.is_done(ctx)
    assert os.listdir(ctx.root.join("/etc/yum.repos.d")) == ["redhat.repo.almalinux-migrate-disabled"]

"""ENABLE_MAPPED_REPOS keeps the AlmaLinux counterparts of the source's enabled repos enabled in
the installed repo files (here the real AlmaLinux 9.3 image's, tests/fixtures/real/images)."""
import os
import shutil

from migrate.root import Root
from migrate.steps.base import NOT_APPLICABLE
from migrate.steps.enable_mapped_repos import EnableMappedRepos
from tests.kit import make_ctx
from tests.real_corpus import image_root

REPOS = os.path.join(image_root("al9-20231124-arm64v8"), "etc", "yum.repos.d")


def installed_repo_files(tmp_path):
    root = Root(str(tmp_path))
    shutil.copytree(REPOS, root.join("/etc/yum.repos.d"))
    return root


def plan_repos(*entries):
    return {"repos": [dict(id=repo_id, **extra) for repo_id, extra in entries]}


def test_the_counterparts_in_the_transaction_are_enabled_and_nothing_else_changes(tmp_path):
    root = installed_repo_files(tmp_path)
    before = dict((n, root.read_bytes("/etc/yum.repos.d/" + n)) for n in os.listdir(root.join("/etc/yum.repos.d")))
    ctx = make_ctx(root)
    ctx.plan = plan_repos(("baseos", {}), ("appstream", {}), ("crb", {}), ("highavailability", {}),
                          ("rt", {"missing": True}))
    detail = EnableMappedRepos().apply(ctx)
    assert detail == "enabled crb, highavailability in almalinux-crb.repo, almalinux-highavailability.repo"
    crb = before["almalinux-crb.repo"].decode()
    assert root.read_text("/etc/yum.repos.d/almalinux-crb.repo") == crb.replace("enabled=0", "enabled=1", 1)  # [crb]
    changed = set(n for n in before if root.read_bytes("/etc/yum.repos.d/" + n) != before[n])
    assert changed == {"almalinux-crb.repo", "almalinux-highavailability.repo"}


def test_only_the_default_repos_is_nothing_to_do(tmp_path):
    ctx = make_ctx(installed_repo_files(tmp_path))
    ctx.plan = plan_repos(("baseos", {}), ("appstream", {}), ("extras", {}), ("crb", {"missing": True}))
    assert EnableMappedRepos().skip_reason(ctx) == NOT_APPLICABLE
    ctx.plan = None  # a run that resolved nothing
    assert EnableMappedRepos().skip_reason(ctx) == NOT_APPLICABLE

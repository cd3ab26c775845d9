import os

from migrate.facts.repos import collect_repos, parse_repo_file
from migrate.root import Root
from tests.factories import FIXTURES


def test_real_shaped_repo_file_parses():
    with open(os.path.join(FIXTURES, "repos", "almalinux-baseos.repo")) as handle:
        sections = parse_repo_file(handle.read(), "/etc/yum.repos.d/almalinux-baseos.repo")
    assert [(s.repo_id, s.enabled) for s in sections] == [("baseos", True), ("baseos-debuginfo", False)]
    assert sections[0].mirrorlist.startswith("https://mirrors.almalinux.org/")
    assert sections[0].baseurl == ()


def test_broken_repo_file_is_reported_not_raised(tmp_path):
    repos = tmp_path / "etc" / "yum.repos.d"
    repos.mkdir(parents=True)
    with open(os.path.join(FIXTURES, "repos", "broken.repo")) as handle:
        (repos / "broken.repo").write_text(handle.read())
    (repos / "ok.repo").write_text("[ok]\nname=ok\nbaseurl=http://x/\n")
    sections, errors = collect_repos(Root(str(tmp_path)))
    assert [s.repo_id for s in sections] == ["ok"]
    assert len(errors) == 1 and "broken.repo" in errors[0]

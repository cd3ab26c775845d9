from migrate.checks import HOST_CHECKS
from tests.factories import make_facts, repo
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_third_party_repos_are_listed_with_the_policy():
    facts = make_facts(repos=(repo("baseos"), repo("epel", file="/etc/yum.repos.d/epel.repo")))
    finding = _run(facts, third_party="disable")["THIRD_PARTY_REPOS"]
    assert finding["data"] == {"repos": ["epel (/etc/yum.repos.d/epel.repo)"], "policy": "disable"}

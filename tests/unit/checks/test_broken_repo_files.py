from migrate.checks import HOST_CHECKS
from tests.factories import make_facts
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_broken_repo_files_warn():
    assert _run(make_facts(repo_errors=("x.repo: bad",)))["BROKEN_REPO_FILES"]["severity"] == "warning"

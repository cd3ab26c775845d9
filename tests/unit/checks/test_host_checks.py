from migrate.checks import ALL, HOST_CHECKS
from migrate.checks.base import BLOCKER, CheckInput, Check, Problem, run_checks
from migrate.facts.model import OsRelease
from tests.factories import make_facts, repo, situation


def _run(facts=None, **options):
    facts, source, target, opts = situation(facts, **options)
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, CheckInput(source, target, opts), set()))


def test_plain_rocky9_host_has_no_blockers():
    findings = _run()
    assert not [f for f in findings.values() if f["severity"] == BLOCKER]


def test_debian_is_an_unsupported_source_and_nothing_after_it_runs():
    facts = make_facts(os_release=OsRelease("debian", "Debian GNU/Linux", "12", "Debian GNU/Linux 12 (bookworm)"))
    findings = _run(facts)
    assert findings["UNSUPPORTED_SOURCE"]["severity"] == BLOCKER
    assert "debian" in findings["UNSUPPORTED_SOURCE"]["detail"]
    assert "UNSUPPORTED_ARCH" not in findings and "UNSUPPORTED_TARGET" not in findings


def test_missing_os_release_is_an_unsupported_source():
    findings = _run(make_facts(os_release=OsRelease("", "", "", "")))
    assert "No usable /etc/os-release" in findings["UNSUPPORTED_SOURCE"]["detail"]


def test_unsupported_major_blocks():
    findings = _run(make_facts(os_release=OsRelease("rocky", "Rocky Linux", "7.9", "")))
    assert "supported majors" in findings["UNSUPPORTED_SOURCE"]["detail"]


def test_non_root_blocks_on_the_live_host_only():
    assert "NOT_SUPERUSER" in _run(make_facts(is_superuser=False))
    assert "NOT_SUPERUSER" not in _run(make_facts(is_superuser=None, is_live=False))


def test_foreign_architecture_is_refused():
    findings = _run(make_facts(arch="riscv64"))
    assert "riscv64" in findings["UNSUPPORTED_ARCH"]["detail"]


def test_cross_major_target_is_refused():
    assert "UNSUPPORTED_TARGET" in _run(target="8")
    assert "UNSUPPORTED_TARGET" not in _run(target="9.4")


def test_almalinux_is_already_converted_not_blocked():
    findings = _run(make_facts(os_release=OsRelease("almalinux", "AlmaLinux", "9.4", "")))
    assert findings["ALREADY_CONVERTED"]["severity"] == "info"
    assert not [f for f in findings.values() if f["severity"] == BLOCKER]


def test_unfinished_conversion_blocks():
    assert "CONVERSION_IN_PROGRESS" in _run(make_facts(conversion_in_progress=True))


def test_third_party_repos_are_listed_with_the_policy():
    facts = make_facts(repos=(repo("baseos"), repo("epel", file="/etc/yum.repos.d/epel.repo")))
    finding = _run(facts, third_party="disable")["THIRD_PARTY_REPOS"]
    assert finding["data"] == {"repos": ["epel (/etc/yum.repos.d/epel.repo)"], "policy": "disable"}


def test_broken_repo_files_warn():
    assert _run(make_facts(repo_errors=("x.repo: bad",)))["BROKEN_REPO_FILES"]["severity"] == "warning"


class Crashing(Check):
    id = "CRASHING"
    title = "crashes"

    def evaluate(self, facts, given):
        raise ZeroDivisionError("boom")


class Overridable(Check):
    id = "OVERRIDABLE"
    title = "can be allowed"
    overridable = True

    def evaluate(self, facts, given):
        return Problem("always")


def test_a_crashing_check_becomes_a_blocker_finding():
    facts, source, target, options = situation()
    findings = run_checks([Crashing()], facts, CheckInput(source, target, options), set())
    assert findings[0]["id"] == "CRASHING" and findings[0]["severity"] == BLOCKER
    assert "ZeroDivisionError" in findings[0]["detail"]


def test_allow_marks_an_overridable_blocker_overridden():
    facts, source, target, options = situation()
    given = CheckInput(source, target, options)
    assert run_checks([Overridable()], facts, given, {"OVERRIDABLE"})[0]["overridden"] is True
    assert run_checks([Overridable()], facts, given, set())[0]["overridden"] is False


def test_check_ids_are_unique_and_upper_snake():
    ids = [c.id for c in ALL]
    assert len(ids) == len(set(ids))
    assert all(i == i.upper() and " " not in i for i in ids)


def test_unreadable_rpmdb_blocks_and_skips_the_arch_check():
    findings = _run(make_facts(rpmdb_error="rpm.error: cannot open Packages", packages=(), arch=""))
    assert "cannot open" in findings["RPMDB_UNREADABLE"]["detail"]
    assert "UNSUPPORTED_ARCH" not in findings


def test_release_package_of_another_distribution_warns():
    findings = _run(make_facts(release_packages=("almalinux-release",)))
    assert findings["RELEASE_PACKAGE_MISMATCH"]["severity"] == "warning"
    assert "RELEASE_PACKAGE_MISMATCH" not in _run(make_facts(release_packages=("rocky-release",)))


def test_skipped_checks_are_listed_with_the_reason():
    facts = make_facts(os_release=OsRelease("debian", "Debian GNU/Linux", "12", ""), is_live=False,
                       is_superuser=None)
    facts, source, target, options = situation(facts)
    skipped = []
    run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set(), skipped=skipped)
    reasons = dict((s["id"], s["reason"]) for s in skipped)
    assert reasons["UNSUPPORTED_ARCH"] == "UNSUPPORTED_SOURCE blocks"
    assert reasons["NOT_SUPERUSER"] == "needs the live machine, not --root"

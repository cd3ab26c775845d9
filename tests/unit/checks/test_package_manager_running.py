from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER, WARNING
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_running_dnf_blocks_idle_packagekit_warns():
    assert _host(make_facts(package_managers_running=("dnf (pid 812)",)))[
        "PACKAGE_MANAGER_RUNNING"]["severity"] == BLOCKER
    assert _host(make_facts(package_managers_running=("packagekitd (pid 77)",)))[
        "PACKAGE_MANAGER_RUNNING"]["severity"] == WARNING


def test_a_lock_held_in_the_root_blocks_under_a_root_too():
    facts = make_facts(is_live=False, package_managers_running=("/var/lib/rpm/.rpm.lock held by pid 42",))
    assert "pid 42" in _host(facts)["PACKAGE_MANAGER_RUNNING"]["detail"]

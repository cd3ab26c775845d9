from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from migrate.facts.model import BrokenDependency
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_broken_dependencies_block_and_can_be_allowed():
    broken = (BrokenDependency("pkg0001-1.0-1.el9.x86_64", "pkg0000"),
              BrokenDependency("tool-2.0-1.el9.x86_64", "libfoo.so.1()(64bit)"))
    finding = _host(make_facts(broken_dependencies=broken))["BROKEN_DEPENDENCIES"]
    assert finding["severity"] == BLOCKER and finding["overridable"] and not finding["overridden"]
    assert "pkg0001-1.0-1.el9.x86_64 requires pkg0000" in finding["detail"]
    assert finding["data"]["dependencies"][1] == {"package": "tool-2.0-1.el9.x86_64", "requires": "libfoo.so.1()(64bit)"}
    assert _host(make_facts(broken_dependencies=broken), allow=("BROKEN_DEPENDENCIES",))["BROKEN_DEPENDENCIES"]["overridden"]


def test_satisfied_or_unknown_dependencies_say_nothing():
    assert "BROKEN_DEPENDENCIES" not in _host(make_facts(broken_dependencies=()))
    assert "BROKEN_DEPENDENCIES" not in _host(make_facts(broken_dependencies=None))

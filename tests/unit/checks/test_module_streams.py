from migrate.checks import HOST_CHECKS
from migrate.facts.model import ModuleStream
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_enabled_module_streams_are_listed():
    facts = make_facts(module_streams=(ModuleStream("nodejs", "18", "enabled"), ModuleStream("php", "", "disabled")))
    assert _host(facts)["MODULE_STREAMS"]["data"] == {"streams": ["nodejs:18"]}

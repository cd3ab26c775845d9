from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER, WARNING
from migrate.facts.model import Memory
from tests.factories import make_facts
from tests.kit import check_findings

MIB = 1024 * 1024
GIB = 1024 * MIB


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_memory_thresholds():
    assert "LOW_MEMORY" not in _host(make_facts(memory=Memory(2 * GIB, 1200 * MIB, 0)))
    assert _host(make_facts(memory=Memory(1 * GIB, 300 * MIB, 0)))["LOW_MEMORY"]["severity"] == WARNING
    assert _host(make_facts(memory=Memory(480 * MIB, 140 * MIB, 0)))["LOW_MEMORY"]["severity"] == BLOCKER

from migrate.checks import HOST_CHECKS
from migrate.facts.model import KernelModule
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_tainting_modules_warn_with_names():
    facts = make_facts(loaded_modules=(KernelModule("nvidia", "POE"), KernelModule("xfs", ""),
                                       KernelModule("spl", "OE")))
    assert _host(facts)["TAINTED_MODULES"]["data"] == {"modules": ["nvidia", "spl"]}

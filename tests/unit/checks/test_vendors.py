from migrate.checks.base import CheckInput
from migrate.checks.vendors import own_vendors, third_party_packages
from tests.factories import base_packages, make_facts, package, situation


def _given(facts):
    _, source, target, options = situation(facts)
    return CheckInput(source, target, options)


def test_the_source_and_target_vendors_are_ours():
    assert own_vendors(_given(make_facts())) == {"Rocky Enterprise Software Foundation", "Rocky", "AlmaLinux"}


def test_third_party_packages_are_those_of_any_other_vendor():
    agent = package("thirdparty-agent", vendor="Third Party Inc")
    unsigned = package("local-tool", vendor="")
    alma = package("almalinux-logos", vendor="AlmaLinux")
    facts = make_facts(packages=base_packages(agent, unsigned, alma))
    assert third_party_packages(facts, _given(facts)) == [agent, unsigned]

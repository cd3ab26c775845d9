"""The registry: every check once, with a stable well-formed ID, in an order a plain host passes."""
import os

import migrate.checks
from migrate.checks import ALL, HOST_CHECKS
from migrate.checks.base import BLOCKER
from tests.kit import check_findings


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_plain_rocky9_host_has_no_blockers():
    findings = _run()
    assert not [f for f in findings.values() if f["severity"] == BLOCKER]


def test_check_ids_are_unique_and_upper_snake():
    ids = [c.id for c in ALL]
    assert len(ids) == len(set(ids))
    assert all(i == i.upper() and " " not in i for i in ids)


# The boot fact model's rework (migrate/facts/boot) rewrites these checks and their tests, now in
# test_preflight_checks.py: it moves each to its own file and takes its name out of this set.
PENDING = {"boot_layout_unknown", "bootloader_unsupported", "container", "custom_kernel", "esp_not_mounted",
           "esp_on_raid", "running_kernel_not_newest", "secure_boot"}


def test_each_check_module_has_its_own_test_file():
    here = os.path.dirname(os.path.abspath(__file__))
    package = os.path.dirname(os.path.abspath(migrate.checks.__file__))
    modules = set(name[:-3] for name in os.listdir(package) if name.endswith(".py") and name != "__init__.py")
    missing = sorted(m for m in modules - PENDING if not os.path.exists(os.path.join(here, "test_%s.py" % m)))
    assert missing == []
    assert sorted(PENDING - modules) == []  # a pending name that is no module any more: take it out

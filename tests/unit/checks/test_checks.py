"""The registry: every check once, with a stable well-formed ID, in an order a plain host passes."""
import os

import migrate.checks
from migrate.checks import ALL, HOST_CHECKS
from migrate.checks.base import BLOCKER
from migrate.facts.model import KernelModule, Memory
from tests.factories import base_packages, boot_facts, kernel, make_facts, mount
from tests.kit import check_findings

GIB = 1024 * 1024 * 1024
KERNEL_9_4 = "5.14.0-427.13.1.el9_4.x86_64"


def _run(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_plain_rocky9_host_has_no_blockers():
    findings = _run()
    assert not [f for f in findings.values() if f["severity"] == BLOCKER]


def test_check_ids_are_unique_and_upper_snake():
    ids = [c.id for c in ALL]
    assert len(ids) == len(set(ids))
    assert all(i == i.upper() and " " not in i for i in ids)


def test_each_check_module_has_its_own_test_file():
    here = os.path.dirname(os.path.abspath(__file__))
    package = os.path.dirname(os.path.abspath(migrate.checks.__file__))
    modules = set(name[:-3] for name in os.listdir(package) if name.endswith(".py") and name != "__init__.py")
    assert sorted(m for m in modules if not os.path.exists(os.path.join(here, "test_%s.py" % m))) == []


def test_healthy_live_host_has_no_host_findings():
    facts = make_facts(running_kernel=KERNEL_9_4, loaded_modules=(KernelModule("xfs", ""),),
                       fips_enabled=False, boot=boot_facts(), bootloaders=("grub2",),
                       mounts=(mount("/"), mount("/boot/efi", "vfat")), memory=Memory(4 * GIB, 3 * GIB, 0),
                       package_managers_running=(),
                       packages=base_packages(kernel("427.13.1.el9_4")))
    assert sorted(_run(facts)) == []

from migrate.checks import HOST_CHECKS
from migrate.checks.base import command_finding
from migrate.checks.kernel_modules_missing import KernelModulesMissing
from migrate.checks.tainted_modules import named_once
from migrate.facts.model import KernelModule
from tests.factories import make_facts
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_tainting_modules_warn_with_names():
    facts = make_facts(loaded_modules=(KernelModule("nvidia", "POE"), KernelModule("xfs", ""),
                                       KernelModule("spl", "OE")))
    assert _host(facts)["TAINTED_MODULES"]["data"] == {"modules": ["nvidia", "spl"]}


def test_a_module_dkms_manages_is_named_by_dkms_modules_only():
    facts = make_facts(loaded_modules=(KernelModule("zfs", "POE"), KernelModule("acme-nic", "OE")),
                       dkms_modules=("zfs/2.1.15",))
    found = _host(facts)
    assert found["TAINTED_MODULES"]["data"] == {"modules": ["acme-nic"]}
    assert found["TAINTED_MODULES"]["detail"] == "acme-nic (out-of-tree, unsigned)"
    assert found["DKMS_MODULES"]["data"] == {"modules": ["zfs/2.1.15"]}
    only_dkms = make_facts(loaded_modules=(KernelModule("zfs", "POE"),), dkms_modules=("zfs/2.1.15",))
    assert "TAINTED_MODULES" not in _host(only_dkms) and "DKMS_MODULES" in _host(only_dkms)


LOADED = (KernelModule("acme_nic", "O"), KernelModule("vboxdrv", "OE"), KernelModule("nvidia", "PO"))


def _named_once(facts, plan):
    """Host and target checks as assess runs them, then named_once."""
    findings = list(_host(facts).values()) + list(check_findings([KernelModulesMissing()], facts, plan=plan).values())
    return dict((f["id"], f) for f in named_once(findings, facts))


def test_a_module_without_a_build_for_the_target_is_named_by_kernel_modules_missing_only():
    facts = make_facts(loaded_modules=LOADED, module_builds=(("5.14.0-427.el9.x86_64", ("vboxdrv",)),))
    found = _named_once(facts, {"target_kernel": "5.14.0-427.el9.x86_64", "kmods": []})
    assert found["KERNEL_MODULES_MISSING"]["data"]["modules"] == ["acme_nic", "nvidia"]
    assert found["TAINTED_MODULES"]["data"] == {"modules": ["vboxdrv"]}  # it has a build: tainted only
    assert found["TAINTED_MODULES"]["detail"] == "vboxdrv (out-of-tree, unsigned)"


def test_tainted_modules_goes_when_every_module_has_a_more_specific_finding():
    facts = make_facts(loaded_modules=LOADED, module_builds=())
    found = _named_once(facts, {"target_kernel": "5.14.0-427.el9.x86_64", "kmods": []})
    assert sorted(found) == ["KERNEL_MODULES_MISSING"]
    assert found["KERNEL_MODULES_MISSING"]["data"]["modules"] == ["acme_nic", "nvidia", "vboxdrv"]


def test_named_once_leaves_findings_alone_without_kernel_modules_missing():
    facts = make_facts(loaded_modules=LOADED)
    findings = list(_host(facts).values())
    assert named_once(findings, facts) == findings
    crashed = [f for f in findings if f["id"] != "TAINTED_MODULES"] + [
        command_finding("KERNEL_MODULES_MISSING", "The check KERNEL_MODULES_MISSING failed", "boom", "report it")]
    assert named_once(crashed, facts) == crashed  # a crashed check names nothing

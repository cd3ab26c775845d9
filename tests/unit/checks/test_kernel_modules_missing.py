from migrate.checks.base import CheckInput, run_checks
from migrate.checks.kernel_modules_missing import KernelModulesMissing, missing_builds
from migrate.facts.model import KernelModule
from tests.factories import make_facts, situation


LOADED = (KernelModule("zfs", "POE"), KernelModule("vboxdrv", "OE"), KernelModule("acme_nic", "O"),
          KernelModule("xfs", ""), KernelModule("nvidia", "PO"))


def test_missing_builds_counts_kmods_files_and_dkms():
    builds = (("5.14.0-427.el9.x86_64", ("vboxdrv",)), ("5.14.0-362.el9.x86_64", ("acme_nic",)))
    missing = missing_builds(LOADED, "5.14.0-427.el9.x86_64", builds, ["zfs"], ["nvidia/535.104.05"])
    assert missing == ["acme_nic"]  # built only for another kernel; xfs is in-tree
    assert missing_builds(LOADED, None, builds, [], []) == []  # no kernel in the plan: nothing to say


def test_kernel_modules_missing_is_skipped_under_root():
    facts = make_facts(is_live=False, loaded_modules=None)
    _, source, target, options = situation(facts)
    skipped = []
    given = CheckInput(source, target, options, plan={"target_kernel": "5.14.0-427.el9.x86_64", "kmods": []})
    assert run_checks([KernelModulesMissing()], facts, given, set(), skipped=skipped) == []
    assert skipped == [{"id": "KERNEL_MODULES_MISSING", "reason": "needs the live machine, not --root"}]


def test_kernel_modules_missing_names_module_and_kernel():
    facts = make_facts(loaded_modules=LOADED, module_builds=())
    _, source, target, options = situation(facts)
    given = CheckInput(source, target, options, plan={"target_kernel": "5.14.0-427.el9.x86_64", "kmods": ["zfs"]})
    problem = KernelModulesMissing().evaluate(facts, given)
    assert problem.data == {"modules": ["acme_nic", "nvidia", "vboxdrv"], "kernel": "5.14.0-427.el9.x86_64"}

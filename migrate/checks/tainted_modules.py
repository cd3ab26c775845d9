"""Loaded out-of-tree, unsigned or proprietary modules (taint flags O, E, P) are built for the
running kernel by someone else: after the conversion they must be rebuilt or reinstalled for
the AlmaLinux kernel, and under Secure Boot re-signed (convert2rhel TAINTED_KMODS).

Each module is named once, by the most specific finding: one DKMS manages is DKMS_MODULES'
(DKMS rebuilds it), one with no build for the AlmaLinux kernel KERNEL_MODULES_MISSING's. That
one runs with the plan, after this check, so `named_once` takes its modules out of this
finding once every check ran."""
from migrate.checks.base import WARNING, Check, Problem
from migrate.checks.dkms_modules import dkms_names
from migrate.checks.kernel_modules_missing import KernelModulesMissing

FLAGS = {"P": "proprietary", "O": "out-of-tree", "E": "unsigned", "C": "staging", "F": "force-loaded"}


def tainted_problem(facts, named_elsewhere=()):
    """The Problem naming the loaded tainting modules that no more specific finding names."""
    left_out = dkms_names(facts.dkms_modules) | set(named_elsewhere)
    tainted = [m for m in facts.loaded_modules or ()
               if set(m.taints) & set(FLAGS) and m.name.replace("-", "_") not in left_out]
    if not tainted:
        return None
    return Problem(", ".join("%s (%s)" % (m.name, ", ".join(FLAGS.get(f, f) for f in m.taints)) for m in tainted),
                   data={"modules": [m.name for m in tainted]})


class TaintedModules(Check):
    id = "TAINTED_MODULES"
    conversion_only = True
    severity = WARNING
    needs_live = True
    title = "Kernel modules from outside the distribution are loaded"
    remediation = ("Check each vendor supports AlmaLinux and reinstall the module's package (or dkms "
                   "autoinstall) after converting; unload what is not needed (modprobe -r NAME).")

    def evaluate(self, facts, given):
        return tainted_problem(facts)


def named_once(findings, facts):
    """`findings` with TAINTED_MODULES' finding cut by the modules KERNEL_MODULES_MISSING names,
    and gone when none is left."""
    missing = set(name for f in findings if f["id"] == KernelModulesMissing.id
                  for name in f.get("data", {}).get("modules", ()))  # a crashed check has no data
    if not missing:
        return findings
    kept = []
    for item in findings:
        if item["id"] == TaintedModules.id and "data" in item:
            problem = tainted_problem(facts, missing)
            if problem is None:
                continue
            item = dict(item, detail=problem.detail, data=problem.data)
        kept.append(item)
    return kept

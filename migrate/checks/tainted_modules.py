"""Loaded out-of-tree, unsigned or proprietary modules (taint flags O, E, P) are built for the
running kernel by someone else: after the conversion they must be rebuilt or reinstalled for
the AlmaLinux kernel, and under Secure Boot re-signed (convert2rhel TAINTED_KMODS)."""
from migrate.checks.base import WARNING, Check, Problem

FLAGS = {"P": "proprietary", "O": "out-of-tree", "E": "unsigned", "C": "staging", "F": "force-loaded"}


class TaintedModules(Check):
    id = "TAINTED_MODULES"
    conversion_only = True
    severity = WARNING
    needs_live = True
    title = "Kernel modules from outside the distribution are loaded"
    remediation = ("Check each vendor supports AlmaLinux and reinstall the module's package (or dkms "
                   "autoinstall) after converting; unload what is not needed (modprobe -r NAME).")

    def evaluate(self, facts, given):
        tainted = ["%s (%s)" % (m.name, ", ".join(FLAGS.get(f, f) for f in m.taints))
                   for m in facts.loaded_modules or () if set(m.taints) & set(FLAGS)]
        if tainted:
            return Problem(", ".join(tainted), data={"modules": [m.split(" ")[0] for m in tainted]})
        return None

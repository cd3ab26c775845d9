"""Enabled module streams are kept by the conversion's dnf (it reads the root's modules.d);
a stream the target does not publish, or a vendor-named one (Oracle's `ol8`), leaves its
packages unsolvable or stuck (almalinux-deploy #82). The list tells what to compare."""
from migrate.checks.base import INFO, Check, Problem


class ModuleStreams(Check):
    id = "MODULE_STREAMS"
    conversion_only = True
    severity = INFO
    title = "Module streams are enabled"
    remediation = ("Check each stream exists in AlmaLinux (dnf module list NAME after converting); reset "
                   "vendor-specific streams first (dnf module reset NAME).")

    def evaluate(self, facts, given):
        enabled = sorted("%s:%s" % (m.name, m.stream) for m in facts.module_streams if m.state == "enabled")
        if enabled:
            return Problem(", ".join(enabled), data={"streams": enabled})
        return None

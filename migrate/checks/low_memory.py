"""dnf holds the target metadata and the whole transaction in memory; hosts with about 1 GiB
have been OOM-killed in the middle of it (issues of github.com/oamg/convert2rhel, leapp).
Killed after the point of no return means `resume`, not a clean stop."""
from migrate.checks.base import BLOCKER, WARNING, Check, Problem

MIB = 1024 * 1024
BLOCK_BELOW = 512 * MIB  # RAM + free swap
WARN_BELOW = 1024 * MIB  # available RAM + free swap


class LowMemory(Check):
    id = "LOW_MEMORY"
    conversion_only = True
    severity = WARNING
    severity_doc = "warning below 1 GiB available + free swap; blocker below 512 MiB RAM + free swap"
    overridable = True
    needs_live = True
    title = "Little memory is available for the dnf transaction"
    remediation = ("Stop memory-hungry services or add swap (fallocate -l 2G /swapfile; mkswap; "
                   "swapon), then run preflight again.")

    def evaluate(self, facts, given):
        memory = facts.memory
        if memory is None:
            return None
        usable = memory.available + memory.swap_free
        detail = "%d MiB RAM, %d MiB available, %d MiB swap free." % (
            memory.total // MIB, memory.available // MIB, memory.swap_free // MIB)
        if memory.total + memory.swap_free < BLOCK_BELOW:
            return Problem(detail, severity=BLOCKER)
        if usable < WARN_BELOW:
            return Problem(detail)
        return None

"""The what-if: if dnf cannot solve the conversion now, it would fail half-way later."""
from migrate.checks.base import BLOCKER, TARGET, Check, Problem


class TransactionUnsolvable(Check):
    id = "TRANSACTION_UNSOLVABLE"
    severity = BLOCKER
    phase = TARGET
    requires = ("MIRROR_UNREACHABLE", "TARGET_KEY_UNTRUSTED")
    title = "The conversion transaction cannot be resolved against the target repositories"
    remediation = ("Remove or update the packages named in the detail (dnf remove PKG), then run "
                   "preflight again.")

    def evaluate(self, facts, given):
        problem = given.resolve_problem
        if problem is not None and problem.kind in ("unsolvable", "missing"):
            return Problem(problem.message)
        return None

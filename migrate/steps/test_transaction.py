"""Run rpm's test transaction on the downloaded, verified packages before the point of no
return (design.md §5): a file conflict or a full filesystem stops the run here, with the
host untouched (exit 4), instead of inside DISTRO_SYNC after it (exit 5)."""
from migrate.errors import MigrateError
from migrate.findings import raised_finding
from migrate.plan.test_transaction import run_test_transaction
from migrate.steps.base import Step
from migrate.transaction.record import begin_history



class TransactionTestFailed(MigrateError):
    """rpm's test transaction found problems; carries the finding for the report."""

    def __init__(self, problems):
        texts = [p["text"] for p in problems]
        super(TransactionTestFailed, self).__init__(
            "rpm's test transaction found %d problem(s): %s" % (len(texts), "; ".join(texts)))
        self.finding = raised_finding("TRANSACTION_TEST_FAILED", "\n".join(texts), data={"problems": problems})


class TestTransaction(Step):
    id = "TEST_TRANSACTION"
    title = "Test the transaction with rpm (file conflicts, disk space)"
    needs = ("facts", "source", "target", "plan", "trusted_keys")  # the transaction is solved from them

    def apply(self, ctx):
        # the very base DISTRO_SYNC runs, its dnf history items built here (migrate/transaction/history.py)
        # and begun in the scratch copy; the set rpm tested is the set it runs (migrate/transaction/runner.py)
        base = ctx.transaction.solved().transaction_base()
        problems = run_test_transaction(base, ctx.root, keep=True)
        if problems:
            raise TransactionTestFailed(problems)
        begin_history(base, ctx.root)
        return "no file conflicts, enough disk space"

"""The conversion's Transaction without dnf: a process that solved it never solves again, and
closing it lets go of dnf's base, the solved packages and the history's scratch copy (solving
itself: tests/sandbox)."""
from migrate.root import Root
from migrate.transaction.conversion import Transaction
from tests.kit import make_ctx


class Base(object):
    """What Transaction.close asks of a dnf.Base."""

    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


def transaction(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    return Transaction(ctx.root, ctx.run, ctx.options, ctx.interrupts)


def test_a_solved_transaction_is_not_solved_again(tmp_path):
    solved = transaction(tmp_path)
    solved.packages = []  # nothing to change: still solved
    assert solved.solved() is solved and solved.base is None


def test_close_lets_go_of_the_base_the_packages_and_the_scratch_history(tmp_path):
    closing = transaction(tmp_path)
    base, scratch = Base(), tmp_path / "scratch-history"
    scratch.mkdir()
    (scratch / "history.sqlite").write_bytes(b"")
    closing.base, closing.packages, closing.history_scratch = base, ["bash"], str(scratch)
    closing.close()
    assert base.closed and (closing.base, closing.packages, closing.history_scratch) == (None, None, None)
    assert not scratch.exists()
    closing.close()  # twice: nothing left to close
    assert closing.base is None

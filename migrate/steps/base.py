"""A step: a stable ID, an idempotent apply (check before acting) and, in a reversible phase,
an undo. The engine journals each one before and after it runs."""
from typing import NamedTuple, Tuple

NOT_APPLICABLE = "does not apply to this run"  # the skip of a step for other situations


class Step(object):
    id = ""
    title = ""
    needs = ()  # the run record's fields (migrate.run.FIELDS) it reads: the engine checks them first

    def applies(self, ctx):
        """False: recorded as skipped (e.g. no --mirror to point repo files at)."""
        return True

    def skip_reason(self, ctx):
        """Why the step does not run here, shown and journaled as the skip's detail; None: it runs."""
        return None if self.applies(ctx) else NOT_APPLICABLE

    def is_done(self, ctx):
        return False

    def apply(self, ctx):
        raise NotImplementedError

    def undo(self, ctx):
        """Reverse apply; only the steps of a reversible phase are ever undone."""


class Phase(NamedTuple):
    """Steps that belong together. Reversible phases come first: they may use the network and
    are undone on failure; the point of no return is crossed before the first step after them."""

    name: str
    steps: Tuple[Step, ...]
    reversible: bool = False

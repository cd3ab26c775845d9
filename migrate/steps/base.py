"""A step: a stable ID, an idempotent apply (check before acting) and, before the point of no
return, an undo. The engine journals each one before and after it runs."""

NOT_APPLICABLE = "does not apply to this run"  # the skip of a step for other situations


class Step(object):
    id = ""
    title = ""
    after_point_of_no_return = False  # False: reversible, may use the network
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
        """Reverse apply; only steps before the point of no return are ever undone."""

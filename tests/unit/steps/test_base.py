"""What a step is unless it says otherwise: it applies everywhere and is never done."""
import pytest

from migrate.root import Root
from migrate.steps.base import NOT_APPLICABLE, Step
from tests.kit import make_ctx


class MirrorOnly(Step):
    """A step that applies only with --mirror, as POINT_REPOS_AT_MIRROR does."""

    id = "MIRROR_ONLY"

    def applies(self, ctx):
        return bool(ctx.options.mirror)


def test_a_step_that_does_not_apply_is_skipped_with_the_common_reason(tmp_path):
    root = Root(str(tmp_path))
    assert MirrorOnly().skip_reason(make_ctx(root)) == NOT_APPLICABLE == "does not apply to this run"
    assert MirrorOnly().skip_reason(make_ctx(root, mirror="http://m/")) is None


def test_by_default_a_step_applies_is_never_done_and_undoes_nothing(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    step = Step()
    assert (step.applies(ctx), step.is_done(ctx), step.undo(ctx)) == (True, False, None)
    with pytest.raises(NotImplementedError):
        step.apply(ctx)

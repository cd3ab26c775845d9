"""Keep the fingerprint-checked target key in the state dir: the signature check, the
import after the point of no return and `resume` all use this copy, never the mirror again."""
from migrate.root import STATE_DIR
from migrate.steps.base import Step


class SaveTargetKey(Step):
    id = "SAVE_TARGET_KEY"
    title = "Save the verified AlmaLinux signing key"

    def is_done(self, ctx):
        return ctx.root.read_text(self.path(ctx), "") == ctx.key_text

    def path(self, ctx):
        return "%s/keys/%s" % (STATE_DIR, ctx.target.profile.key_file)

    def apply(self, ctx):
        ctx.root.write_text(self.path(ctx), ctx.key_text, mode=0o644)
        return ", ".join(k.fingerprint for k in ctx.trusted_keys)

    def undo(self, ctx):
        ctx.root.remove(self.path(ctx))

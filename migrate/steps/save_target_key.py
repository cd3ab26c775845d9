"""Keep the fingerprint-checked target key in the state dir: the signature check, the
import after the point of no return and `resume` all use this copy, never the mirror again."""
import os

from migrate.steps.base import Step


class SaveTargetKey(Step):
    id = "SAVE_TARGET_KEY"
    title = "Save the verified AlmaLinux signing key"

    def is_done(self, ctx):
        return os.path.isfile(ctx.key_path) and open(ctx.key_path).read() == ctx.key_text

    def apply(self, ctx):
        path = os.path.relpath(ctx.key_path, ctx.root.path)
        ctx.root.write_text("/" + path, ctx.key_text, mode=0o644)
        return ", ".join(k.fingerprint for k in ctx.trusted_keys)

    def undo(self, ctx):
        if os.path.exists(ctx.key_path):
            os.unlink(ctx.key_path)

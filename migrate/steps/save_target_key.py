"""Keep the trusted target keys in the state dir, one file per key and only their trusted
packets (migrate.trust): the signature check, the import after the point of no return and
`resume` all use these copies, never the mirror's file again."""
import os

from migrate.steps.base import Step


class SaveTargetKey(Step):
    id = "SAVE_TARGET_KEY"
    title = "Save the verified AlmaLinux signing key"
    needs = ("trusted_keys",)

    def is_done(self, ctx):
        for key, path in zip(ctx.trusted_keys, ctx.key_files):
            if not os.path.isfile(path):
                return False
            with open(path, encoding="ascii", errors="replace") as handle:
                if handle.read() != key.armored:
                    return False
        return bool(ctx.trusted_keys)

    def apply(self, ctx):
        for key, path in zip(ctx.trusted_keys, ctx.key_files):
            ctx.root.write_text("/" + os.path.relpath(path, ctx.root.path), key.armored, mode=0o644)
        return ", ".join(k.fingerprint for k in ctx.trusted_keys)

    def undo(self, ctx):
        for path in ctx.key_files:
            if os.path.exists(path):
                os.unlink(path)

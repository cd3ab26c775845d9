"""Import the verified AlmaLinux key into the root's rpmdb, from our own copy: the first
change to the rpmdb, so it is the first step after the point of no return."""
from migrate.facts.rpmdb import collect_gpg_pubkeys
from migrate.steps.base import Step


class ImportTargetKey(Step):
    id = "IMPORT_TARGET_KEY"
    title = "Import the AlmaLinux signing key"
    after_point_of_no_return = True

    def is_done(self, ctx):
        imported = set(collect_gpg_pubkeys(ctx.root))
        # rpm names a gpg-pubkey package by the low 32 bits of the key ID
        return all(key.keyid[-8:] in imported for key in ctx.trusted_keys)

    def apply(self, ctx):
        ctx.runner.run(ctx.root.rpm_argv("--import", ctx.key_path))
        return ", ".join(k.keyid for k in ctx.trusted_keys)

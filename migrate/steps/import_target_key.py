"""Import the trusted AlmaLinux keys into the root's rpmdb, from our own copies (only their
trusted packets): the first change to the rpmdb, so it is the first step after the point of
no return. One `rpm --import` per key: rpm before 4.17 imports only a file's first key."""
from migrate.facts.rpmdb import collect_gpg_pubkeys
from migrate.steps.base import Step


class ImportTargetKey(Step):
    id = "IMPORT_TARGET_KEY"
    title = "Import the AlmaLinux signing key"
    needs = ("trusted_keys",)

    def is_done(self, ctx):
        imported = set(collect_gpg_pubkeys(ctx.root))
        # rpm names a gpg-pubkey package by the low 32 bits of the primary key's ID
        return all(key.keyid[-8:] in imported for key in ctx.trusted_keys)

    def apply(self, ctx):
        imported = set(collect_gpg_pubkeys(ctx.root))
        for key, path in zip(ctx.trusted_keys, ctx.key_files):
            if key.keyid[-8:] not in imported:
                ctx.runner.run(ctx.root.rpm_argv("--import", path))
        return ", ".join(k.keyid for k in ctx.trusted_keys)

"""Check every downloaded file against the trusted keys only (a private keyring); the
dnf API does not check signatures, and the root's keyring may trust keys we do not."""
from migrate.errors import MigrateError
from migrate.plan.signatures import SignatureProblem, prepare_keyring, verify_files
from migrate.steps.base import Step


class VerifySignatures(Step):
    id = "VERIFY_SIGNATURES"
    title = "Check the packages' signatures"
    needs = ("facts", "source", "target", "plan", "trusted_keys")  # the transaction is solved from them

    def apply(self, ctx):
        prepare_keyring(ctx.root, ctx.runner, ctx.keyring_dir, ctx.key_files)
        paths = [p.localPkg() for p in ctx.transaction.solved().packages]
        try:
            verify_files(ctx.root, ctx.runner, ctx.keyring_dir, paths,
                         lambda done, total: ctx.progress(self.id, done, total, "packages"))
        except SignatureProblem as exc:
            raise MigrateError(str(exc))
        return "%d packages signed by trusted keys" % len(paths)

"""Check every downloaded package against a private keyring holding only trusted keys; the
dnf API does not check signatures.

The root's own rpmdb keyring is not used: writing it would change the host before the point
of no return, and it may hold keys we do not trust. `_pkgverify_level all` makes an unsigned
package fail too (plain `rpm -K` passes it with "digests OK")."""
import os
import shutil

from migrate.errors import MigrateError
from migrate.steps.base import Step

BATCH = 200


class SignatureProblem(Exception):
    def __init__(self, bad):
        self.bad = bad  # [(file name, rpmkeys' verdict)]
        names = ", ".join(os.path.basename(path) for path, _ in bad[:10])
        more = " and %d more" % (len(bad) - 10) if len(bad) > 10 else ""
        super(SignatureProblem, self).__init__(
            "%d package(s) failed the signature check against the trusted keys: %s%s"
            % (len(bad), names, more))


def prepare_keyring(root, runner, keyring_dir, key_files):
    """A fresh keyring with exactly the given key files: those migrate.trust wrote, holding
    only trusted keys and their bound signing subkeys."""
    if os.path.isdir(keyring_dir):
        shutil.rmtree(keyring_dir)
    os.makedirs(keyring_dir, 0o700)
    for key_file in key_files:
        runner.run(root.rpmkeys_argv(keyring_dir, "--import", key_file))


def parse_checksig(output):
    """{path: verdict} from `rpmkeys --checksig` lines such as 'x.rpm: digests signatures OK'."""
    verdicts = {}
    for line in output.splitlines():
        path, sep, verdict = line.rpartition(": ")
        if sep and path:
            verdicts[path.strip()] = verdict.strip()
    return verdicts


def verify_files(root, runner, keyring_dir, paths, progress=None):
    """Raise SignatureProblem naming every file that is not signed by a trusted key."""
    bad = []
    done = 0
    for start in range(0, len(paths), BATCH):
        batch = paths[start:start + BATCH]
        result = runner.run(root.rpmkeys_argv(keyring_dir, "--define", "_pkgverify_level all",
                                              "--checksig", *batch), check=False)
        verdicts = parse_checksig(result.stdout + "\n" + result.stderr)
        for path in batch:
            verdict = verdicts.get(path, "no verdict from rpmkeys")
            if "NOT OK" in verdict or not verdict.endswith("OK"):
                bad.append((path, verdict))
        done += len(batch)
        if progress:
            progress(done, len(paths))
    if bad:
        raise SignatureProblem(bad)


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

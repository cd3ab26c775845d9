"""VERIFY_SIGNATURES checks every downloaded package with rpmkeys against a fresh private keyring
holding only the trusted keys' files (the real AlmaLinux 8 file's two keys); `rpmkeys --checksig`
answers as canned verdicts."""
import os

import pytest

from migrate.errors import MigrateError
from migrate.root import Root
from migrate.steps.save_target_key import SaveTargetKey
from migrate.steps.verify_signatures import SignatureProblem, VerifySignatures, parse_checksig, verify_files
from tests.factories import trusted_keys
from tests.kit import FakeRunner, make_ctx


def checksig_runner(root, verdicts):
    """Answers rpmkeys --checksig with canned verdicts; fails on any other argv."""
    prefix = root.rpmkeys_argv("/k", "--define", "_pkgverify_level all", "--checksig")

    def answer(argv):
        out = "".join("%s: %s\n" % (f, verdicts[f]) for f in argv[len(prefix):])
        return (1 if "NOT OK" in out else 0, out)

    return FakeRunner(prefixes={tuple(prefix): answer})


def test_parse_checksig_lines():
    out = "/c/a.rpm: digests signatures OK\n/c/b.rpm: digests SIGNATURES NOT OK\n"
    assert parse_checksig(out) == {"/c/a.rpm": "digests signatures OK", "/c/b.rpm": "digests SIGNATURES NOT OK"}


def test_one_bad_signature_names_the_package():
    root = Root("/nonexistent")
    runner = checksig_runner(root, {"/c/a.rpm": "digests signatures OK", "/c/zlib.rpm": "digests SIGNATURES NOT OK"})
    with pytest.raises(SignatureProblem) as err:
        verify_files(root, runner, "/k", ["/c/a.rpm", "/c/zlib.rpm"])
    assert [p for p, _ in err.value.bad] == ["/c/zlib.rpm"]
    assert "_pkgverify_level all" in runner.calls[0]


def test_all_good_passes_and_reports_progress():
    verdicts = dict(("/c/%d.rpm" % i, "digests signatures OK") for i in range(450))
    root = Root("/x")
    runner = checksig_runner(root, verdicts)
    seen = []
    verify_files(root, runner, "/k", sorted(verdicts), lambda d, t: seen.append((d, t)))
    assert seen[-1] == (450, 450) and len(runner.calls) == 3


class Downloaded(object):
    """What the step reads of a dnf package: where its download lies."""

    def __init__(self, path):
        self.path = path

    def localPkg(self):
        return self.path


def signed_ctx(tmp_path, verdicts):
    """A run with the keys saved, the packages downloaded and rpmkeys answering `verdicts`."""
    root = Root(str(tmp_path))
    ctx = make_ctx(root)
    ctx.trusted_keys = trusted_keys(8)
    SaveTargetKey().apply(ctx)
    ctx.transaction.packages = [Downloaded(path) for path in sorted(verdicts)]  # solved: the step asks no dnf
    checksig = root.rpmkeys_argv(ctx.keyring_dir, "--define", "_pkgverify_level all", "--checksig")
    imports = [root.rpmkeys_argv(ctx.keyring_dir, "--import", path) for path in ctx.key_files]
    ctx.runner = FakeRunner(dict.fromkeys(map(tuple, imports), ""), {tuple(checksig): lambda argv: (
        0, "".join("%s: %s\n" % (path, verdicts[path]) for path in argv[len(checksig):]))})
    return ctx, imports


def test_every_package_is_checked_against_a_fresh_keyring_of_the_trusted_keys(tmp_path):
    ctx, imports = signed_ctx(tmp_path, {"/c/bash.rpm": "digests signatures OK",
                                         "/c/zlib.rpm": "digests signatures OK"})
    os.makedirs(os.path.join(ctx.keyring_dir, "stale"))  # a killed run's keyring
    assert VerifySignatures().apply(ctx) == "2 packages signed by trusted keys"
    assert ctx.runner.calls[:2] == imports
    assert ctx.runner.calls[2][-2:] == ["/c/bash.rpm", "/c/zlib.rpm"]
    assert os.listdir(ctx.keyring_dir) == []
    assert ctx.ui.told("progress") == [("VERIFY_SIGNATURES", 2, 2, "packages", None)]


def test_a_package_not_signed_by_a_trusted_key_stops_the_run(tmp_path):
    ctx, _ = signed_ctx(tmp_path, {"/c/bash.rpm": "digests signatures OK",
                                   "/c/zlib.rpm": "digests SIGNATURES NOT OK"})
    with pytest.raises(MigrateError) as caught:
        VerifySignatures().apply(ctx)
    assert caught.value.message == "1 package(s) failed the signature check against the trusted keys: zlib.rpm"

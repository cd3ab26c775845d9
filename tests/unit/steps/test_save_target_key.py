"""SAVE_TARGET_KEY keeps the trusted keys' own packets in the state dir, one file per key."""
import os

from migrate.keys import parse_certificates
from migrate.root import Root
from migrate.steps.save_target_key import SaveTargetKey
from tests.factories import trusted_keys
from tests.kit import make_ctx

ALMA8_2021, ALMA8_2023 = "5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8", "BC5EDDCADF502C077F1582882AE81E8ACED7258B"


def key_ctx(tmp_path, keys):
    ctx = make_ctx(Root(str(tmp_path)))
    ctx.trusted_keys = keys
    return ctx


def test_each_trusted_key_gets_a_file_of_its_own_trusted_packets(tmp_path):
    keys = trusted_keys(8)
    ctx = key_ctx(tmp_path, keys)
    step = SaveTargetKey()
    assert not step.is_done(ctx)
    assert step.apply(ctx) == "%s, %s" % (ALMA8_2021, ALMA8_2023)
    assert [os.path.basename(p) for p in ctx.key_files] == [ALMA8_2021 + ".asc", ALMA8_2023 + ".asc"]
    for key, path in zip(keys, ctx.key_files):
        with open(path) as handle:
            assert [c.fingerprint for c in parse_certificates(handle.read())] == [key.fingerprint]
        assert oct(os.stat(path).st_mode & 0o777) == "0o644"
    assert step.is_done(ctx)


def test_a_changed_or_missing_copy_is_written_again(tmp_path):
    ctx = key_ctx(tmp_path, trusted_keys(8))
    step = SaveTargetKey()
    step.apply(ctx)
    with open(ctx.key_files[1], "a") as handle:
        handle.write("\n")
    assert not step.is_done(ctx)
    os.unlink(ctx.key_files[1])
    assert not step.is_done(ctx)
    step.apply(ctx)
    assert step.is_done(ctx)


def test_no_trusted_key_is_never_done(tmp_path):
    assert not SaveTargetKey().is_done(key_ctx(tmp_path, ()))


def test_undo_removes_the_copies(tmp_path):
    ctx = key_ctx(tmp_path, trusted_keys(8))
    step = SaveTargetKey()
    step.apply(ctx)
    step.undo(ctx)
    assert [os.path.exists(p) for p in ctx.key_files] == [False, False]
    step.undo(ctx)  # twice (a resumed rollback): nothing left to remove, no error
    assert not step.is_done(ctx)

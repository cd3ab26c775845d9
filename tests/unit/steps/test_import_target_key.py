"""IMPORT_TARGET_KEY imports each trusted key the root's rpmdb lacks, one `rpm --import` per key
file, from the copies SAVE_TARGET_KEY wrote (the real AlmaLinux 8 file's two keys)."""
import shutil
import subprocess

import pytest

from migrate.root import Root
from migrate.steps.import_target_key import ImportTargetKey
from migrate.steps.save_target_key import SaveTargetKey
from tests.factories import trusted_keys
from tests.kit import FakeRunner, make_ctx


def saved_keys_ctx(tmp_path, runner):
    ctx = make_ctx(Root(str(tmp_path)), runner)
    ctx.trusted_keys = trusted_keys(8)
    SaveTargetKey().apply(ctx)
    return ctx


def test_every_key_is_imported_from_its_own_file(tmp_path):
    runner = FakeRunner()
    ctx = saved_keys_ctx(tmp_path, runner)
    imports = runner.expect(*[ctx.root.rpm_argv("--import", path) for path in ctx.key_files])
    step = ImportTargetKey()
    assert not step.is_done(ctx)  # no rpmdb yet: nothing imported (and none created by asking)
    assert step.apply(ctx) == "488fcf7c3abb34f8, 2ae81e8aced7258b"
    assert runner.calls == imports
    assert imports[0] == ["rpm", "--root", str(tmp_path), "--define", "_dbpath /var/lib/rpm", "--import",
                          ctx.key_files[0]]


@pytest.mark.skipif(shutil.which("rpm") is None, reason="needs rpm")
def test_a_key_already_in_the_rpmdb_is_not_imported_again(tmp_path):
    pytest.importorskip("rpm")  # the step reads the rpmdb through the bindings
    runner = FakeRunner()
    ctx = saved_keys_ctx(tmp_path, runner)
    subprocess.run(ctx.root.rpm_argv("--import", ctx.key_files[0]), check=True)  # a real rpmdb, one key
    step = ImportTargetKey()
    assert not step.is_done(ctx)
    second = runner.expect(ctx.root.rpm_argv("--import", ctx.key_files[1]))
    step.apply(ctx)
    assert runner.calls == second
    subprocess.run(ctx.root.rpm_argv("--import", ctx.key_files[1]), check=True)
    assert step.is_done(ctx)

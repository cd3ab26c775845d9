"""verify on the real AlmaLinux 9.3 image (tests/fixtures/real/images, its real rpmdb) and on a
host that is not AlmaLinux: the report's status, findings and leftovers."""
import os
import shutil
import subprocess

import pytest

from migrate.commands import verify
from migrate.errors import EXIT_BLOCKED, EXIT_OK
from migrate.root import Root
from tests.factories import FIXTURES
from tests.kit import make_command_ctx
from tests.real_corpus import copy_image_root


def almalinux_image(tmp_path):
    return Root(copy_image_root("al9-20231124-arm64v8", str(tmp_path / "root")))


def test_a_host_that_is_not_almalinux_fails_verify(tmp_path):
    root = Root(str(tmp_path / "root"))
    shutil.copytree(os.path.join(FIXTURES, "roots", "debian12"), root.path)
    report, code = verify.run(make_command_ctx(root))
    assert (code, report["status"], [f["id"] for f in report["findings"]]) == (EXIT_BLOCKED, "failed", ["NOT_ALMALINUX"])
    assert report["findings"][0]["detail"] == "os-release ID is 'debian'."


def test_an_almalinux_image_is_converted_with_nothing_left(tmp_path):
    pytest.importorskip("rpm")
    ctx = make_command_ctx(almalinux_image(tmp_path))
    report, code = verify.run(ctx)
    assert (code, report["status"], report["findings"], report["leftovers"]) == (EXIT_OK, "converted", [], [])
    assert [k.fingerprint for k in ctx.known_keys] == ["BF18AC2876178908D6E71267D36CB86CB86B3716"]


@pytest.mark.skipif(shutil.which("rpm") is None, reason="needs rpm")
def test_a_key_nobody_trusts_in_the_rpmdb_is_named(tmp_path):
    pytest.importorskip("rpm")
    root = almalinux_image(tmp_path)
    rocky = os.path.join(FIXTURES, "real", "keys", "RPM-GPG-KEY-Rocky-9")
    subprocess.run(root.rpm_argv("--import", rocky), check=True)
    report, code = verify.run(make_command_ctx(root))
    assert (code, report["status"], [(f["id"], f["severity"]) for f in report["findings"]]) == (
        EXIT_OK, "converted", [("UNTRUSTED_KEYS_IN_RPMDB", "info")])
    assert report["findings"][0]["data"] == {"keys": ["gpg-pubkey-350d275d-6279464b"]}


def test_an_rpmdb_leading_out_of_the_root_is_not_read(tmp_path):
    root = almalinux_image(tmp_path)
    outside = tmp_path / "host-rpmdb"
    os.rename(root.join("/var/lib/rpm"), str(outside))
    os.symlink(str(outside), root.join("/var/lib/rpm", follow=False))
    report, code = verify.run(make_command_ctx(root))
    assert (code, report["status"], [f["id"] for f in report["findings"]]) == (
        EXIT_BLOCKED, "blocked", ["ROOT_PATH_ESCAPES"])

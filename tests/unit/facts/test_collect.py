"""collect() reads a root once for every check: here the real AlmaLinux 9.3 arm64 image
(tests/fixtures/real/images, its real sqlite rpmdb) taken as an image under --root."""
import os
import sys
from importlib.util import find_spec

import pytest

from migrate.facts.collect import collect
from migrate.facts.model import FreeSpace, OsRelease
from migrate.root import Root
from tests.kit import FakeRunner
from tests.real_corpus import copy_image_root

IMAGE = "al9-20231124-arm64v8"
DF_HEADER = "Filesystem 1-blocks Used Available Capacity Mounted on\n"
DF_LINE = "/dev/vda 1000 400 600 40% /\n"
SHOWRC = "available backends: sqlite ndb bdb_ro dummy\n"  # rpm 4.16+'s line


def image(tmp_path):
    return Root(copy_image_root(IMAGE, str(tmp_path / "root")))


def tools(root):
    """Under --root only df (free space) and `rpm --showrc` (this rpm's formats) run."""
    paths = [root.join(p) for p in ("/", "/usr", "/var")]
    return FakeRunner({("df", "-P", "-B1") + tuple(paths): DF_HEADER + DF_LINE * 3, ("rpm", "--showrc"): SHOWRC})


def test_an_image_root_is_read_from_its_files_and_rpmdb(tmp_path):
    pytest.importorskip("rpm")
    root = image(tmp_path)
    runner = tools(root)
    facts = collect(root, runner)
    assert [c[0] for c in runner.calls] == ["df", "rpm"]
    assert (facts.root_path, facts.is_live, facts.is_superuser) == (root.path, False, None)
    assert facts.os_release == OsRelease("almalinux", "AlmaLinux", "9.3", "AlmaLinux 9.3 (Shamrock Pampas Cat)")
    assert facts.redhat_release == "AlmaLinux release 9.3 (Shamrock Pampas Cat)"
    assert (facts.arch, len(facts.packages), facts.release_packages) == ("aarch64", 22, ("almalinux-release",))
    assert facts.installed("almalinux-gpg-keys")[0].keyid == "d36cb86cb86b3716"
    assert [k.name for k in facts.rpmdb_keys] == ["gpg-pubkey-b86b3716-61e69f29"]
    assert [r.repo_id for r in facts.repos if r.enabled] == ["appstream", "baseos", "extras"]
    assert (facts.rpmdb_backend, facts.rpmdb_backend_file, facts.rpm_writable_backends) == (
        "sqlite", "/var/lib/rpm/rpmdb.sqlite", ("ndb", "sqlite"))
    assert facts.free_space == tuple(FreeSpace(p, "/", 600, 1000) for p in ("/", "/usr", "/var"))
    assert (facts.rpmdb_error, facts.rpm_bindings_missing, facts.escaping_paths, facts.broken_dependencies) == (
        "", "", (), ())
    # what only the live machine tells
    assert (facts.boot, facts.running_kernel, facts.mounts, facts.memory, facts.module_builds) == (None,) * 5


def test_an_rpmdb_leading_out_of_the_root_is_not_read(tmp_path):
    root = image(tmp_path)
    outside = tmp_path / "host-rpmdb"
    os.rename(root.join("/var/lib/rpm"), str(outside))
    os.symlink(str(outside), root.join("/var/lib/rpm", follow=False))
    facts = collect(root, tools(root))
    assert facts.escaping_paths == (("/var/lib/rpm", str(outside)),)
    assert (facts.packages, facts.release_packages, facts.rpmdb_keys, facts.arch) == ((), (), (), "")
    assert facts.rpmdb_error == ""


def test_a_root_without_an_rpmdb_is_read_without_creating_one(tmp_path):
    root = image(tmp_path)
    for name in os.listdir(root.join("/var/lib/rpm")):
        os.unlink(os.path.join(root.join("/var/lib/rpm"), name))
    facts = collect(root, tools(root))
    assert (facts.packages, facts.rpmdb_error, facts.broken_dependencies) == ((), "", None)
    assert os.listdir(root.join("/var/lib/rpm")) == []
    assert facts.os_release.os_id == "almalinux"


@pytest.mark.skipif(find_spec("rpm") is not None, reason="a Python with the rpm bindings (make unit36 runs it)")
def test_without_the_rpm_bindings_the_rpmdb_is_a_finding_not_a_crash(tmp_path):
    root = image(tmp_path)
    facts = collect(root, tools(root))
    assert facts.packages == ()
    assert facts.rpmdb_error == "the rpm Python bindings are missing (No module named 'dnf')"  # dnf is imported first
    assert facts.rpm_bindings_missing == sys.executable

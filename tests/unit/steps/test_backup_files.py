"""BACKUP_FILES copies what the conversion replaces into the state dir, with the files of the
packages it removes, on the real AlmaLinux 9.3 image root (tests/fixtures/real/images)."""
import json
import os
import tarfile

import pytest

from migrate.layout import BACKUP_DIR, BACKUP_MANIFEST
from migrate.root import Root
from migrate.steps.backup_files import BackupFiles, files_to_back_up
from tests.kit import make_ctx, write
from tests.real_corpus import copy_image_root

IMAGE_FILES = [
    "/etc/almalinux-release", "/etc/dnf/vars/infra", "/etc/dnf/vars/stream", "/etc/os-release",
    "/etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-9", "/etc/redhat-release", "/etc/system-release",
    "/etc/system-release-cpe", "/etc/yum.repos.d/almalinux-appstream.repo", "/etc/yum.repos.d/almalinux-baseos.repo",
    "/etc/yum.repos.d/almalinux-crb.repo", "/etc/yum.repos.d/almalinux-extras.repo",
    "/etc/yum.repos.d/almalinux-highavailability.repo", "/etc/yum.repos.d/almalinux-plus.repo",
    "/etc/yum.repos.d/almalinux-resilientstorage.repo", "/etc/yum.repos.d/almalinux-sap.repo",
    "/etc/yum.repos.d/almalinux-saphana.repo", "/usr/lib/os-release"]
# almalinux-release's files the image has (its rpmdb names more: the image drops docs and licenses)
RELEASE_FILES_PRESENT = ["etc/almalinux-release", "etc/os-release", "etc/redhat-release", "etc/system-release",
                         "etc/system-release-cpe", "usr/lib/os-release"]


def image(tmp_path):
    return Root(copy_image_root("al9-20231124-arm64v8", str(tmp_path / "root")))


def test_the_files_to_back_up_are_the_repo_release_key_and_dnf_files(tmp_path):
    root = image(tmp_path)
    write(root, "/etc/yum.repos.d/sub/ignored.repo")  # directories are not copied, files in them neither
    write(root, "/etc/issue", "\\S\n")
    assert files_to_back_up(root) == sorted(IMAGE_FILES + ["/etc/issue"])


def test_files_are_copied_links_kept_and_removed_packages_archived(tmp_path):
    pytest.importorskip("rpm")  # the removed packages' files come from the rpmdb
    root = image(tmp_path)
    ctx = make_ctx(root)
    ctx.plan = {"removed": [{"name": "almalinux-release"}, {"name": "almalinux-release"}]}
    detail = BackupFiles().apply(ctx)
    assert detail == "18 files, 6 files of 1 removed packages"
    backup = root.join(BACKUP_DIR)
    with open(root.join(BACKUP_MANIFEST)) as handle:
        assert json.load(handle) == {"files": IMAGE_FILES, "removed_packages": ["almalinux-release"],
                                     "removed_packages_archive": "removed-packages.tar.gz"}
    copy = os.path.join(backup, "files")
    assert os.readlink(os.path.join(copy, "etc/os-release")) == os.readlink(root.join("/etc/os-release", follow=False))
    with open(os.path.join(copy, "etc/yum.repos.d/almalinux-baseos.repo")) as handle:
        assert handle.read() == root.read_text("/etc/yum.repos.d/almalinux-baseos.repo")
    with tarfile.open(os.path.join(backup, "removed-packages.tar.gz")) as archive:
        assert sorted(archive.getnames()) == RELEASE_FILES_PRESENT
        assert archive.getmember("etc/os-release").issym()
    assert oct(os.stat(backup).st_mode & 0o777) == "0o700"


def test_a_second_run_starts_a_fresh_copy_and_undo_drops_it(tmp_path):
    pytest.importorskip("rpm")
    root = image(tmp_path)
    ctx = make_ctx(root)
    write(root, BACKUP_DIR + "/files/etc/stale.repo")  # a killed run's
    assert BackupFiles().apply(ctx) == "18 files, 0 files of 0 removed packages"
    assert not os.path.exists(root.join(BACKUP_DIR + "/files/etc/stale.repo"))
    BackupFiles().undo(ctx)
    assert not root.exists(BACKUP_DIR)

"""A step that writes where the root lacks directories records them, and removes exactly those."""
import os

from migrate.root import Root
from migrate.steps.created_dirs import missing_dirs, record_missing_dirs, remove_created_dirs
from tests.kit import write

RECORD = "/var/lib/almalinux-migrate/x-dirs.json"
WANTS = "/etc/systemd/system/multi-user.target.wants/x.service"


def test_missing_dirs_are_listed_outermost_first(tmp_path):
    root = Root(str(tmp_path))
    root.makedirs("/etc")
    assert missing_dirs(root, WANTS) == ["/etc/systemd", "/etc/systemd/system",
                                         "/etc/systemd/system/multi-user.target.wants"]
    assert missing_dirs(root, "/etc/motd") == []


def test_only_the_recorded_dirs_that_are_empty_again_are_removed(tmp_path):
    root = Root(str(tmp_path))
    root.makedirs("/etc")
    record_missing_dirs(root, RECORD, WANTS)
    write(root, WANTS)
    record_missing_dirs(root, RECORD, WANTS)  # a resumed step: the first record stays
    write(root, "/etc/systemd/system/other.service")  # somebody else's, written meanwhile
    root.remove(WANTS)
    remove_created_dirs(root, RECORD)
    assert sorted(os.listdir(root.join("/etc/systemd/system"))) == ["other.service"]
    assert not root.exists(RECORD)


def test_every_recorded_dir_goes_when_all_are_empty(tmp_path):
    root = Root(str(tmp_path))
    root.makedirs("/etc")
    record_missing_dirs(root, RECORD, WANTS)
    root.makedirs(os.path.dirname(WANTS))
    remove_created_dirs(root, RECORD)
    assert os.listdir(root.join("/etc")) == []
    remove_created_dirs(root, RECORD)  # no record: nothing to remove
    assert os.listdir(root.join("/etc")) == []

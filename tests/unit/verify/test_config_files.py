"""The .rpmnew/.rpmsave files under /etc, and which of them the conversion created."""
from migrate.root import Root
from migrate.verify.config_files import collect_config_leftovers, created_config_files
from tests.kit import write


def test_rpmnew_and_rpmsave_files_under_etc_are_found_sorted(tmp_path):
    root = Root(str(tmp_path))
    for path in ("/etc/ssh/sshd_config.rpmnew", "/etc/dnf/dnf.conf.rpmsave", "/etc/ssh/sshd_config",
                 "/etc/yum.repos.d/rocky.repo.rpmsave.bak", "/usr/share/doc/x.rpmnew", "/etc/a.rpmnew"):
        write(root, path)
    assert collect_config_leftovers(root) == ["/etc/a.rpmnew", "/etc/dnf/dnf.conf.rpmsave",
                                              "/etc/ssh/sshd_config.rpmnew"]


def test_a_root_without_etc_has_none(tmp_path):
    assert collect_config_leftovers(Root(str(tmp_path))) == []


def test_created_are_the_files_found_after_and_not_before():
    after = ["/etc/dnf/dnf.conf.rpmsave", "/etc/ssh/sshd_config.rpmnew"]
    assert created_config_files(["/etc/ssh/sshd_config.rpmnew"], after) == [
        {"path": "/etc/dnf/dnf.conf.rpmsave", "kind": "rpmsave"}]
    assert created_config_files(None, after[1:]) == [{"path": "/etc/ssh/sshd_config.rpmnew", "kind": "rpmnew"}]

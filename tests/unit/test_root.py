"""Root resolves paths inside the root as chroot would, and refuses to hand rpm or dnf
a path that their own, unresolved, lookup would follow out of it."""
import errno
import os

import pytest

from migrate.errors import Blocked
from migrate.root import MAX_LINKS, Root, RootEscape, resolve_in_root


@pytest.fixture
def layout(tmp_path):
    """root/ with etc/, usr/lib/os-release; outside/ next to it holding a decoy."""
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    (root / "usr" / "lib").mkdir(parents=True)
    (root / "usr" / "lib" / "os-release").write_text("ID=rocky\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "os-release").write_text("ID=almalinux\n")
    return root, outside


def test_an_absolute_link_starts_again_at_the_root(layout):
    root, _ = layout
    os.symlink("/usr/lib/os-release", str(root / "etc" / "os-release"))
    assert Root(str(root)).join("/etc/os-release") == str(root / "usr" / "lib" / "os-release")
    assert Root(str(root)).read_text("/etc/os-release") == "ID=rocky\n"


def test_an_absolute_link_to_a_host_path_lands_under_the_root(layout):
    root, outside = layout
    os.symlink(str(outside / "os-release"), str(root / "etc" / "os-release"))
    resolved = Root(str(root)).join("/etc/os-release")
    assert resolved == str(root) + str(outside / "os-release")
    assert Root(str(root)).read_text("/etc/os-release", default="missing") == "missing"


def test_dot_dot_stops_at_the_roots_slash(layout):
    root, outside = layout
    os.symlink("../../../../../../../" + str(outside).lstrip("/"), str(root / "etc" / "escape"))
    assert Root(str(root)).join("/etc/escape") == str(root) + str(outside)
    assert Root(str(root)).join("/../../etc/../..") == str(root)


def test_relative_links_inside_are_followed_component_by_component(layout):
    root, _ = layout
    os.symlink("../usr", str(root / "etc" / "u"))
    os.symlink("lib/os-release", str(root / "usr" / "osr"))
    assert Root(str(root)).join("/etc/u/osr") == str(root / "usr" / "lib" / "os-release")


def test_follow_false_leaves_the_last_link_itself(layout):
    root, outside = layout
    os.symlink(str(outside), str(root / "etc" / "linked"))
    os.symlink("/etc/linked", str(root / "etc" / "chain"))
    r = Root(str(root))
    assert r.join("/etc/chain", follow=False) == str(root / "etc" / "chain")
    assert r.join("/etc/chain/x", follow=False) == str(root) + str(outside) + "/x"
    assert r.exists("/etc/chain") and r.islink("/etc/chain")


def test_a_link_loop_is_eloop_and_not_a_hang(layout):
    root, _ = layout
    os.symlink("b", str(root / "etc" / "a"))
    os.symlink("a", str(root / "etc" / "b"))
    with pytest.raises(OSError) as raised:
        resolve_in_root(str(root), "/etc/a")
    assert raised.value.errno == errno.ELOOP
    assert Root(str(root)).exists("/etc/a/x") is False
    assert Root(str(root)).read_text("/etc/a", default="loop") == "loop"


def test_a_chain_of_max_links_resolves_and_one_more_is_eloop(layout):
    root, _ = layout
    (root / "etc" / "l0").write_text("end\n")
    for i in range(1, MAX_LINKS + 2):
        os.symlink("l%d" % (i - 1), str(root / "etc" / ("l%d" % i)))
    assert Root(str(root)).read_text("/etc/l%d" % MAX_LINKS) == "end\n"
    with pytest.raises(OSError):
        resolve_in_root(str(root), "/etc/l%d" % (MAX_LINKS + 1))


def test_writes_through_a_link_out_stay_inside(layout):
    root, outside = layout
    os.symlink(str(outside), str(root / "etc" / "state"))
    r = Root(str(root))
    r.write_text("/etc/state/os-release", "written\n")
    r.makedirs("/etc/state/sub")
    assert (outside / "os-release").read_text() == "ID=almalinux\n"
    assert sorted(os.listdir(str(outside))) == ["os-release"]
    assert r.read_text("/etc/state/os-release") == "written\n"
    r.remove("/etc/state")  # the link itself, not what it points at
    assert not os.path.lexists(str(root / "etc" / "state"))
    assert os.path.isdir(str(root) + str(outside) + "/sub")


def test_the_live_root_joins_text_as_before():
    live = Root("/")
    assert live.join("/etc/os-release") == "/etc/os-release"
    assert live.handover("/var/lib/rpm") == "/var/lib/rpm"
    assert live.inside("/etc") is None


def test_handover_refuses_a_path_rpm_would_follow_out(layout):
    root, outside = layout
    (root / "var" / "lib").mkdir(parents=True)
    os.symlink(str(outside), str(root / "var" / "lib" / "rpm"))
    r = Root(str(root))
    with pytest.raises(RootEscape) as raised:
        r.handover("/var/lib/rpm")
    assert isinstance(raised.value, Blocked) and raised.value.host_path == str(outside)
    assert r.escaping_paths(["/var/lib/rpm", "/etc"]) == [("/var/lib/rpm", str(outside))]
    with pytest.raises(RootEscape):
        r.rpm_argv("-qa")


def test_handover_refuses_a_link_in_a_parent_and_a_relative_climb(layout):
    root, outside = layout
    (outside / "lib" / "rpm").mkdir(parents=True)
    os.symlink("../" * 12 + str(outside).lstrip("/"), str(root / "var"))
    assert Root(str(root)).escaping_paths(["/var/lib/rpm"]) == [("/var/lib/rpm", str(outside / "lib" / "rpm"))]


def test_handover_accepts_a_relative_link_that_stays_inside(layout):
    root, _ = layout
    (root / "usr" / "lib" / "sysimage" / "rpm").mkdir(parents=True)
    (root / "var" / "lib").mkdir(parents=True)
    os.symlink("../../usr/lib/sysimage/rpm", str(root / "var" / "lib" / "rpm"))
    assert Root(str(root)).handover("/var/lib/rpm") == str(root / "var" / "lib" / "rpm")


def test_a_private_dir_is_resolved_and_refused_with_a_link_below_it(layout):
    root, outside = layout
    r = Root(str(root))
    os.symlink(str(outside), str(root / "etc" / "cache"))
    assert r.private_dir(str(root / "etc" / "cache")) == str(root) + str(outside)
    (root / "etc" / "own").mkdir()
    os.symlink(str(outside), str(root / "etc" / "own" / "repo-abc"))
    with pytest.raises(RootEscape):
        r.private_dir(str(root / "etc" / "own"))


def test_dnf_vars_and_repo_files_are_read_inside_and_handed_to_dnf_as_copies(layout, tmp_path):
    from migrate.network.source_updates import copy_repo_files, root_vars

    root, outside = layout
    (outside / "decoy.repo").write_text("[decoy]\n")
    (outside / "contentdir").write_text("decoy\n")
    (root / "etc" / "dnf").mkdir()
    os.symlink(str(outside), str(root / "etc" / "dnf" / "vars"))
    os.symlink(str(outside), str(root / "etc" / "yum.repos.d"))
    inside = root / str(outside).lstrip("/")
    inside.mkdir(parents=True)
    (inside / "contentdir").write_text("pub/rocky\nsecond line\n")
    (inside / "rocky.repo").write_text("[baseos]\n")
    assert root_vars(Root(str(root))) == {"contentdir": "pub/rocky"}
    copies = tmp_path / "copies"
    copies.mkdir()
    copy_repo_files(Root(str(root)), str(copies))
    assert sorted(os.listdir(str(copies))) == ["rocky.repo"]


def test_a_root_given_through_a_link_of_this_machine_is_no_escape(layout, tmp_path):
    root, _ = layout
    (root / "var" / "lib" / "rpm").mkdir(parents=True)
    os.symlink(str(root), str(tmp_path / "mnt"))
    linked = Root(str(tmp_path / "mnt"))
    assert linked.handover("/var/lib/rpm") == str(tmp_path / "mnt" / "var" / "lib" / "rpm")
    assert linked.escaping_paths(["/var/lib/rpm", "/var/lib/dnf"]) == []


def test_os_release_in_the_usual_absolute_link_form_is_the_roots(layout):
    """/etc/os-release -> /usr/lib/os-release: distro given the root would read this machine's."""
    from migrate.facts.osrelease import collect_os_release

    root, _ = layout
    os.symlink("/usr/lib/os-release", str(root / "etc" / "os-release"))
    assert collect_os_release(Root(str(root))).os_id == "rocky"
    os.unlink(str(root / "etc" / "os-release"))  # no /etc/os-release: /usr/lib's (os-release(5))
    assert collect_os_release(Root(str(root))).os_id == "rocky"


def test_dnf_gets_the_platform_id_of_the_roots_os_release(layout, tmp_path):
    root, _ = layout
    (root / "usr" / "lib" / "os-release").write_text('ID=rocky\nPLATFORM_ID="platform:el9"\n')
    os.symlink("/usr/lib/os-release", str(root / "etc" / "os-release"))
    r = Root(str(root))
    assert r.platform_id() == "platform:el9"
    dnf = pytest.importorskip("dnf")
    base = r.dnf_base(str(tmp_path / "work"), "9", "x86_64")
    try:
        assert base.conf.module_platform_id == "platform:el9"
    finally:
        base.close()

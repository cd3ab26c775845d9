from migrate.facts.mounts import collect_free_space, parse_df, parse_mounts
from migrate.root import Root
from tests.factories import output_text
from tests.kit import FakeRunner


def test_proc_mounts_with_escaped_space_and_efi():
    mounts = parse_mounts(output_text("proc-mounts.el9-efi.txt"))
    by_target = dict((m.target, m) for m in mounts)
    assert by_target["/boot/efi"].fstype == "vfat"
    assert by_target["/"].source == "/dev/mapper/rl-root" and not by_target["/"].readonly
    assert "/srv/backup disk" in by_target


def test_readonly_usr_mount():
    by_target = dict((m.target, m) for m in parse_mounts(output_text("proc-mounts.readonly-usr.txt")))
    assert by_target["/usr"].readonly and by_target["/sys"].readonly and not by_target["/"].readonly


def test_fstab_skips_comments_and_reads_btrfs():
    entries = parse_mounts(output_text("fstab.ol9-btrfs.txt"))
    assert [(m.target, m.fstype) for m in entries] == [("/", "btrfs"), ("/boot", "xfs"), ("/boot/efi", "vfat"),
                                                       ("/home", "btrfs")]
    assert len(parse_mounts(output_text("fstab.rocky9-lvm.txt"))) == 5


def test_df_one_line_per_asked_path():
    space = parse_df(output_text("df.rocky9-separate-var.txt"), ["/", "/usr", "/var", "/boot", "/boot/efi"])
    by_path = dict((s.path, s) for s in space)
    assert by_path["/usr"].mountpoint == "/" and by_path["/var"].mountpoint == "/var"
    assert by_path["/var"].available == 197566464 and by_path["/boot/efi"].size == 627900416


def test_free_space_asks_df_once_for_the_roots_directories(tmp_path):
    for path in ("usr", "var", "boot"):
        (tmp_path / path).mkdir()
    root = Root(str(tmp_path))
    header = "Filesystem 1-blocks Used Available Capacity Mounted on\n"
    line = "/dev/vda 1000 400 600 40% /\n"
    runner = FakeRunner({("df", "-P", "-B1", root.join("/"), root.join("/usr"), root.join("/var"),
                          root.join("/boot")): (0, header + line * 4)})
    space = collect_free_space(root, runner)
    assert [s.path for s in space] == ["/", "/usr", "/var", "/boot"] and len(runner.calls) == 1


def test_free_space_falls_back_to_one_df_per_path(tmp_path):
    (tmp_path / "var").mkdir()
    root = Root(str(tmp_path))
    header = "Filesystem 1-blocks Used Available Capacity Mounted on\n"
    runner = FakeRunner({
        ("df", "-P", "-B1", root.join("/"), root.join("/var")): (1, header + "/dev/vda 1000 400 600 40% /\n"),
        ("df", "-P", "-B1", root.join("/")): (0, header + "/dev/vda 1000 400 600 40% /\n"),
        ("df", "-P", "-B1", root.join("/var")): (1, ""),
    })
    assert [s.path for s in collect_free_space(root, runner)] == ["/"]

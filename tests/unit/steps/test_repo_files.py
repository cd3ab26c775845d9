def test_mapped_repos_are_enabled_in_the_almalinux_repo_files():
    from migrate.steps.repo_files import enable_sections

    text = "[crb]\nname=CRB\nenabled=0\ngpgcheck=1\n\n[crb-debuginfo]\nenabled=0\n\n[ha]\nname=HA\n"
    assert enable_sections(text, {"crb", "ha"}) == (
        "[crb]\nname=CRB\nenabled=1\ngpgcheck=1\n\n[crb-debuginfo]\nenabled=0\n\n[ha]\nname=HA\nenabled=1\n")
    assert enable_sections(text, set()) == text


def test_switching_a_repo_off_and_on_keeps_every_other_byte(tmp_path):
    from migrate.root import Root
    from migrate.steps.repo_files import read_repo_text, set_enabled, write_repo_text

    root = Root(str(tmp_path))
    original = (b"# d\xe9p\xf4t interne (Latin-1)\r\n[extra]\r\nname = Extra\r\nenabled = 1\r\n"
                b"gpgcheck=1\r\n[other]\r\nenabled=1\r\n")
    root.write_bytes("/etc/yum.repos.d/extra.repo", original)
    text = read_repo_text(root, "/etc/yum.repos.d/extra.repo")
    write_repo_text(root, "/etc/yum.repos.d/extra.repo", set_enabled(text, {"extra"}, False))
    off = root.read_bytes("/etc/yum.repos.d/extra.repo")
    assert off == original.replace(b"enabled = 1\r\n", b"enabled = 0\r\n", 1)
    write_repo_text(root, "/etc/yum.repos.d/extra.repo", set_enabled(off.decode("utf-8", "surrogateescape"),
                                                                      {"extra"}, True))
    assert root.read_bytes("/etc/yum.repos.d/extra.repo") == original

def test_panel_busy_processes_are_read_from_proc_on_the_live_host_only(tmp_path):
    from migrate.facts.panels import collect_panels
    from migrate.root import Root
    from tests.kit import LiveRoot

    (tmp_path / "proc" / "4242").mkdir(parents=True)
    (tmp_path / "proc" / "4242" / "cmdline").write_bytes(b"/usr/local/psa/admin/sbin/autoinstaller\0--select-release-current\0")
    (tmp_path / "usr" / "local" / "psa").mkdir(parents=True)
    (tmp_path / "usr" / "local" / "psa" / "version").write_text("18.0.58 CentOS 9 1800231213.09\n")
    live = collect_panels(LiveRoot(str(tmp_path)))
    assert live[0].busy == ("/usr/local/psa/admin/sbin/autoinstaller --select-release-current",)
    assert collect_panels(Root(str(tmp_path)))[0].busy is None  # under --root: not the live machine

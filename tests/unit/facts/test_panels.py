from migrate.facts.panels import collect_panels, parse_panel_version
from migrate.root import Root
from tests.factories import output_text
from tests.kit import LiveRoot, write


def test_panel_busy_processes_are_read_from_proc_on_the_live_host_only(tmp_path):
    (tmp_path / "proc" / "4242").mkdir(parents=True)
    (tmp_path / "proc" / "4242" / "cmdline").write_bytes(b"/usr/local/psa/admin/sbin/autoinstaller\0--select-release-current\0")
    (tmp_path / "usr" / "local" / "psa").mkdir(parents=True)
    (tmp_path / "usr" / "local" / "psa" / "version").write_text("18.0.58 CentOS 9 1800231213.09\n")
    live = collect_panels(LiveRoot(str(tmp_path)))
    assert live[0].busy == ("/usr/local/psa/admin/sbin/autoinstaller --select-release-current",)
    assert collect_panels(Root(str(tmp_path)))[0].busy is None  # under --root: not the live machine


def test_panel_versions(tmp_path):
    assert parse_panel_version(output_text("plesk-version.18.0.58.txt")) == "18.0.58"
    assert parse_panel_version(output_text("cpanel-version.txt")) == "11.118.0.12"
    assert parse_panel_version("") == ""
    write(Root(str(tmp_path)), "/usr/local/cpanel/cpanel", "")
    write(Root(str(tmp_path)), "/usr/local/cpanel/version", output_text("cpanel-version.txt"))
    write(Root(str(tmp_path)), "/usr/local/psa/version", output_text("plesk-version.17.8.11.txt"))
    write(Root(str(tmp_path)), "/usr/local/directadmin/directadmin", "")
    panels = collect_panels(Root(str(tmp_path)))
    assert [(p.name, p.version) for p in panels] == [("cPanel", "11.118.0.12"), ("Plesk", "17.8.11"),
                                                     ("DirectAdmin", "")]

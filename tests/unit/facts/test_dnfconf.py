from migrate.facts.dnfconf import (collect_dnf_config, collect_module_streams, collect_package_origins,
                                   parse_dnf_conf, parse_module_file, parse_versionlock_conf,
                                   parse_versionlock_list)
from migrate.root import Root
from tests.factories import output_text
from tests.kit import write


def test_dnf_conf_excludes_both_spellings():
    assert parse_dnf_conf(output_text("dnf.conf.excludes.txt")) == ("kernel*", "php*", "mariadb-server", "nginx")
    assert parse_dnf_conf("[main]\ngpgcheck=1\n") == ()
    assert parse_dnf_conf("not ini at all [") == ()


def test_versionlock_list_and_conf():
    entries = parse_versionlock_list(output_text("versionlock.list.txt"))
    assert entries[0] == "nginx-1:1.20.1-14.el9_2.1.*" and entries[-1].startswith("!kernel")
    assert len(entries) == 4
    assert parse_versionlock_conf(output_text("versionlock.conf.txt")) == (True, "/etc/dnf/plugins/versionlock.list")


def test_dnf_config_from_a_root(tmp_path):
    write(Root(str(tmp_path)), "/etc/dnf/dnf.conf", output_text("dnf.conf.excludes.txt"))
    write(Root(str(tmp_path)), "/etc/dnf/plugins/versionlock.conf", output_text("versionlock.conf.txt"))
    write(Root(str(tmp_path)), "/etc/dnf/plugins/versionlock.list", output_text("versionlock.list.txt"))
    write(Root(str(tmp_path)), "/etc/dnf/modules.d/nodejs.module", output_text("nodejs.module.txt"))
    write(Root(str(tmp_path)), "/etc/dnf/modules.d/postgresql.module", output_text("postgresql.module.txt"))
    root = Root(str(tmp_path))
    config = collect_dnf_config(root)
    assert config.versionlock_enabled and len(config.versionlock) == 4 and "nginx" in config.excludes
    assert [(m.name, m.stream, m.state) for m in collect_module_streams(root)] == [
        ("nodejs", "18", "enabled"), ("postgresql", "", "disabled")]
    assert parse_module_file("[broken") == ()


def test_package_origins_without_history_are_unknown(tmp_path):
    assert collect_package_origins(Root(str(tmp_path))) is None
    write(Root(str(tmp_path)), "/var/lib/dnf/history.sqlite", "not a database")
    assert collect_package_origins(Root(str(tmp_path))) is None

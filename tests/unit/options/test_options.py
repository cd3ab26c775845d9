"""migrate.options is the one list: the typer app, the run's Options, the config file's keys and
the role's tasks all agree with it, and every flag reaches the run's Options."""
import io
import os
import re

import pytest
import typer.main

from migrate.cli import app
from migrate.config import KNOWN_KEYS, FileConfig, Options, merge_options, parse_config
from migrate.errors import ConfigError
from migrate.options import BY_NAME, FIELDS, IN_CONFIG, OPTIONS, SECRET, of_command, run_values
from migrate.options.docs import REPO, ROLE, role_options
from migrate.secrets import secret_options

HELP_ONLY = ("--help", "--version")  # click's and the app's own actions, not values
# A command-line value for each option that takes one, and what the run's Options hold for it.
GIVEN = {"target": ("9.4", "9.4"), "mirror": ("http://m.example/alma", "http://m.example/alma"),
         "proxy": ("http://p:3128", "http://p:3128"), "ca_cert": ("/ca.pem", "/ca.pem"),
         "allow": ("x", ("X",)), "third_party": ("disable", "disable"), "exclude": ("n*", ("n*",))}


def typer_params(command):
    group = typer.main.get_command(app)
    params = group.params if command == "" else group.commands[command].params
    return dict((p.name, p) for p in params if p.param_type_name == "option" and p.opts[0] not in HELP_ONLY)


@pytest.mark.parametrize("command", ["", "preflight", "convert", "resume", "rollback", "verify", "status",
                                     "bundle", "profiles"])
def test_each_commands_typer_options_are_the_tables(command):
    params = typer_params(command)
    options = of_command(command)
    assert sorted(params) == sorted(o.parameter for o in options)
    for option in options:
        param = params[option.parameter]
        assert sorted(param.opts + param.secondary_opts) == sorted(option.flags), option.name
        assert param.help == option.help, option.name
        assert param.multiple == (option.kind == "list") and param.count == (option.kind == "count"), option.name
        default = param.default.value if hasattr(param.default, "value") else param.default
        assert default == ([] if option.kind == "list" else option.cli_default), option.name
        if option.choices:
            assert list(param.type.choices) == list(option.choices), option.name


def test_every_option_is_well_formed():
    assert len(BY_NAME) == len(OPTIONS)
    for option in OPTIONS:
        assert option.kind in ("str", "bool", "list", "choice", "count"), option.name
        assert option.flags or option.config or option.field, option.name  # something sets it
        assert all(re.match(r"^--[a-z][a-z-]*$|^-[a-z]$", f) for f in option.flags) and \
            (not option.flags or option.flag.startswith("--")), option.name
        assert bool(option.choices) == (option.kind == "choice"), option.name
        assert option.config is None or re.match(r"^[a-z]+\.[a-z_]+$", option.config), option.name
        assert option.help.strip() and not option.doc.endswith("."), option.name


def test_the_runs_options_and_their_defaults_are_the_tables_fields():
    assert Options._fields == tuple(o.name for o in FIELDS)
    assert Options() == tuple(o.run_default for o in FIELDS)
    assert Options().third_party == "keep" and Options().allow == ()
    assert set(Options().as_journal()) == set(o.name for o in FIELDS)  # the journal keeps every field


def test_the_config_keys_are_the_tables():
    assert sorted((t, k) for t, keys in KNOWN_KEYS.items() for k in keys) == sorted(
        tuple(o.config.split(".")) for o in IN_CONFIG)
    assert FileConfig._fields == tuple(o.name for o in IN_CONFIG)
    assert {"keep_rhsm", "exclude", "mirror", "allow"} <= set(FileConfig._fields)


def config_text(option, value):
    table, key = option.config.split(".")
    return "[%s]\n%s = %s\n" % (table, key, value)


TOML_VALUES = {"mirror": '"http://m.example/alma"', "proxy": '"http://p:3128"', "ca_cert": '"/ca.pem"',
               "allow": '["x"]', "third_party": '"disable"', "keep_rhsm": "true", "exclude": '["n*"]',
               "extra_fingerprints": '["%s"]' % ("AB" * 20)}
RUN_VALUES = {"mirror": "http://m.example/alma", "proxy": "http://p:3128", "ca_cert": os.path.abspath("/ca.pem"),
              "allow": ("X",), "third_party": "disable", "keep_rhsm": True, "exclude": ("n*",),
              "extra_fingerprints": ("AB" * 20,)}


@pytest.mark.parametrize("option", IN_CONFIG, ids=lambda o: o.config)
def test_each_config_key_reaches_the_runs_options_and_a_wrong_type_names_it(option):
    assert getattr(merge_options(parse_config(config_text(option, TOML_VALUES[option.name]), "c.toml")),
                   option.name) == RUN_VALUES[option.name]
    wrong = "3" if option.kind != "str" and option.kind != "choice" else "[3]"
    with pytest.raises(ConfigError) as err:
        parse_config(config_text(option, wrong), "c.toml")
    assert option.config in err.value.message


@pytest.mark.parametrize("command", ["preflight", "convert", "resume", "rollback"])
def test_every_flag_of_a_run_command_reaches_the_runs_options(command):
    argv, expected = [], {}
    for option in of_command(command):
        if not option.field:
            continue
        given, held = GIVEN[option.name] if option.kind != "bool" else (None, True)
        argv += [option.flag] + ([given] if given is not None else [])
        expected[option.name] = held
    group = typer.main.get_command(app)
    params = group.commands[command].make_context(command, argv).params
    options = merge_options(FileConfig(), **run_values(command, params))
    assert dict((name, getattr(options, name)) for name in expected) == expected
    assert run_values(command, params).keys() == expected.keys()


def test_an_unknown_option_is_refused_by_merge_options():
    with pytest.raises(TypeError):
        merge_options(FileConfig(), mirrors="x")
    with pytest.raises(TypeError):  # set by the config file only
        merge_options(FileConfig(), extra_fingerprints=("AB" * 20,))


def test_the_secret_options_are_kept_aside_for_resume():
    assert SECRET == ("mirror", "proxy")
    options = Options(mirror="https://u:pw@m.example/alma", proxy="http://u:pw@p:3128", ca_cert="/ca.pem")
    assert secret_options(options) == {"mirror": "https://u:pw@m.example/alma", "proxy": "http://u:pw@p:3128"}


def read(*path):
    with io.open(os.path.join(*path), encoding="utf-8") as handle:
        return handle.read()


def test_the_readmes_config_example_sets_every_config_key():
    """packaging/rpm/build.py ships that example, commented out, as /etc/almalinux-migrate.toml."""
    example = re.search(r"`--config FILE`.*?```toml\n(.*?)```", read(REPO, "README.md"), re.S).group(1)
    assert parse_config(example, "README.md").mirror == "https://mirror.example.com/almalinux"  # valid
    keys, table = [], None
    for line in example.splitlines():
        header = re.match(r"^\[([a-z]+)\]", line)
        table = header.group(1) if header else table
        key = re.match(r"^([a-z_]+) *=", line)
        if key:
            keys.append("%s.%s" % (table, key.group(1)))
    assert sorted(keys) == sorted(o.config for o in IN_CONFIG)


def test_the_role_writes_each_option_next_to_its_variable():
    tasks = read(ROLE, "tasks", "main.yml")
    assert {"almalinux_migrate_keep_rhsm", "almalinux_migrate_resume_on_boot", "almalinux_migrate_verify_boot",
            "almalinux_migrate_root"} <= set(o.variable for o in role_options())
    for option in role_options():
        lines = [line for line in tasks.splitlines() if option.variable in line]
        written = ["'-v'"] if option.kind == "count" else ["'%s'" % option.flag, "'%s=" % option.flag]
        assert [line for line in lines if any(w in line for w in written)], option.name
    for option in OPTIONS:  # an option without a variable is the role's own, or of a command it never runs
        if option.flags and not option.variable:
            assert option.name in ("output", "assume_yes", "reboot", "file"), option.name

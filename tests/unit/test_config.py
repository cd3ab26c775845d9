import pytest

from migrate.config import load_config, merge_options, parse_config
from migrate.errors import ConfigError, UsageError
from migrate.root import Root

CONFIG = """
[mirror]
url = "https://mirror.example.com/almalinux"
proxy = "http://proxy:3128"
[trust]
extra_fingerprints = ["bf18 ac28 7617 8908 d6e7 1267 d36c b86c b86b 3716"]
[checks]
allow = ["pending_updates"]
[repos]
third_party = "disable"
"""


def test_config_values_are_normalised():
    config = parse_config(CONFIG, "c.toml")
    assert config.extra_fingerprints == ("BF18AC2876178908D6E71267D36CB86CB86B3716",)
    assert config.allow == ("PENDING_UPDATES",)
    assert config.third_party == "disable"


def test_command_line_wins_and_allow_lists_add_up():
    options = merge_options(parse_config(CONFIG, "c.toml"), mirror="http://other/", allow=["X"])
    assert options.mirror == "http://other"
    assert options.proxy == "http://proxy:3128"
    assert options.allow == ("PENDING_UPDATES", "X")
    assert options.third_party == "disable"


@pytest.mark.parametrize("text,key", [
    ("[trust]\nextra_fingerprints = [\"abc\"]\n", "extra_fingerprints"),
    ("[mirror]\nurls = \"x\"\n", "mirror.urls"),
    ("[nope]\nx = 1\n", "[nope]"),
    ("[repos]\nthird_party = \"drop\"\n", "third_party"),
    ("[mirror]\nurl = 3\n", "mirror.url"),
    ("[repos]\nkeep_rhsm = \"yes\"\n", "repos.keep_rhsm"),
])
def test_bad_config_is_a_usage_error_naming_the_key(text, key):
    with pytest.raises(ConfigError) as err:
        parse_config(text, "c.toml")
    assert key in err.value.message and err.value.exit_code == 2


def test_keep_rhsm_from_the_file_or_the_command_line():
    assert not merge_options(parse_config(CONFIG, "c.toml")).keep_rhsm
    assert merge_options(parse_config(CONFIG, "c.toml"), keep_rhsm=True).keep_rhsm
    assert merge_options(parse_config("[repos]\nkeep_rhsm = true\n", "c.toml")).keep_rhsm


IMAGE_CONFIG = """
[mirror]
url = "http://evil.example.invalid/almalinux"
proxy = "http://evil.example.invalid:3128"
ca_cert = "/etc/pki/evil-ca.pem"
[trust]
extra_fingerprints = ["0123456789ABCDEF0123456789ABCDEF01234567"]
[checks]
allow = ["pending_updates"]
[repos]
third_party = "disable"
"""


def _root_with_config(tmp_path):
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "almalinux-migrate.toml").write_text(IMAGE_CONFIG, encoding="utf-8")
    return Root(str(tmp_path))


def test_image_config_under_root_never_adds_keys_a_mirror_or_a_proxy(tmp_path):
    config = load_config(_root_with_config(tmp_path))
    assert (config.mirror, config.proxy, config.ca_cert, config.extra_fingerprints) == (None, None, None, ())
    assert (config.allow, config.third_party) == (("PENDING_UPDATES",), "disable")


def test_config_given_with_dash_dash_config_is_trusted(tmp_path):
    root = _root_with_config(tmp_path)
    config = load_config(root, str(tmp_path / "etc" / "almalinux-migrate.toml"))
    assert config.extra_fingerprints == ("0123456789ABCDEF0123456789ABCDEF01234567",)
    assert config.mirror == "http://evil.example.invalid/almalinux"


def test_config_and_command_line_excludes_add_up_once():
    config = parse_config('[packages]\nexclude = ["nginx*", "php*"]\n', "c.toml")
    assert merge_options(config, exclude=["php*", "mariadb*"]).exclude == ("nginx*", "php*", "mariadb*")
    with pytest.raises(ConfigError):
        parse_config('[packages]\nexclude = "nginx"\n', "c.toml")
    with pytest.raises(UsageError):
        merge_options(parse_config("", "c.toml"), exclude=[" "])

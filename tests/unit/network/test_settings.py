import os

import pytest

from migrate.config import merge_options, parse_config
from migrate.errors import UsageError
from migrate.network.settings import Network, normalize_mirror, parse_dnf_network, resolve_network

DNF_CONF = """[main]
gpgcheck=1
proxy=http://dnfproxy:3128
proxy_username=ann
proxy_password=s3cr@t
sslcacert=/etc/pki/internal-ca.pem
"""


def test_plain_path_mirror_becomes_file_url(tmp_path):
    assert normalize_mirror(str(tmp_path) + "/") == "file://" + str(tmp_path)
    assert normalize_mirror("file:///srv/alma/") == "file:///srv/alma"
    assert normalize_mirror("https://m.example/alma/") == "https://m.example/alma"


@pytest.mark.parametrize("bad", ["ftp://m.example/alma", "file://relative/dir"])
def test_other_mirror_schemes_are_usage_errors(bad):
    with pytest.raises(UsageError):
        normalize_mirror(bad)


@pytest.mark.parametrize("target", ["abc", "9.x", "-1", "9..4"])
def test_garbage_target_is_a_usage_error(target):
    with pytest.raises(UsageError):
        merge_options(parse_config("", "c.toml"), target=target)


def test_target_major_minor_is_kept():
    assert merge_options(parse_config("", "c.toml"), target="9.4").target == "9.4"


def test_dnf_conf_proxy_gets_its_credentials_quoted():
    proxy, ca = parse_dnf_network(DNF_CONF)
    assert proxy == "http://ann:s3cr%40t@dnfproxy:3128"
    assert ca == "/etc/pki/internal-ca.pem"


def test_option_wins_over_environment_and_dnf_conf():
    net = resolve_network("http://opt:1", None, None, True, DNF_CONF, {"https_proxy": "http://env:2"})
    assert net.proxy == "http://opt:1"


def test_environment_wins_over_dnf_conf_and_brings_no_proxy():
    env = {"https_proxy": "http://env:2", "no_proxy": "localhost, .internal.example"}
    net = resolve_network(None, None, None, True, "", env)
    assert net.proxy == "http://env:2" and net.no_proxy == ("localhost", ".internal.example")
    assert net.proxy_for("https://mirror.internal.example/alma") is None
    assert net.proxy_for("https://repo.almalinux.org/almalinux") == "http://env:2"


def test_http_mirror_prefers_http_proxy():
    env = {"https_proxy": "http://secure:2", "http_proxy": "http://plain:3"}
    assert resolve_network(None, None, "http://m/alma", True, "", env).proxy == "http://plain:3"


def test_dnf_conf_is_read_on_the_live_host_only(tmp_path):
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    conf = DNF_CONF.replace("/etc/pki/internal-ca.pem", str(ca))
    live = resolve_network(None, None, None, True, conf, {})
    assert live.proxy == "http://ann:s3cr%40t@dnfproxy:3128" and live.ca_cert == str(ca)
    image = resolve_network(None, None, None, False, conf, {})
    assert image == Network(None, (), None)


def test_missing_ca_cert_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        resolve_network(None, str(tmp_path / "nope.pem"), None, False, "", {})


def test_file_urls_never_use_the_proxy():
    assert Network("http://p:1").proxy_for("file:///srv/alma") is None


def test_config_ca_cert_is_read():
    config = parse_config('[mirror]\nca_cert = "/etc/ca.pem"\n', "c.toml")
    assert merge_options(config).ca_cert == "/etc/ca.pem"
    assert merge_options(config, ca_cert="/x.pem").ca_cert == "/x.pem"
    assert os.path.isabs(merge_options(config).ca_cert)

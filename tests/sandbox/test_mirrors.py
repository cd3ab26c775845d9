"""Local mirrors (file:// and a plain path), proxies (--proxy, config, environment) and a
mirror with a private CA (--ca-cert): each converts a real sandbox host end to end."""
import pytest

from tests.sandbox.cli import installed_signatures, run_cli
from tests.sandbox.netfixture import ForwardingProxy, HttpsServer, make_private_ca
from tests.schema import assert_valid_report

NO_ENV_PROXY = {"http_proxy": "", "https_proxy": "", "HTTP_PROXY": "", "HTTPS_PROXY": "",
                "no_proxy": "", "NO_PROXY": ""}


def _assert_converted(world, root, result):
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert report["status"] == "converted"
    alma = world.keys["alma"].keyid
    signatures = installed_signatures(root)
    assert signatures["almalinux-release"] == alma
    return report


def _local_mirror(world):
    return "%s/%s" % (world.srv, world.mirrors["almalinux"])


@pytest.fixture
def proxy():
    server = ForwardingProxy()
    yield server
    server.stop()


def test_file_url_mirror_converts(world, rocky9_root, trust_config):
    mirror = "file://" + _local_mirror(world)
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", mirror, config=trust_config, env=NO_ENV_PROXY)
    report = _assert_converted(world, rocky9_root, result)
    assert report["target"]["mirror"] == mirror
    repo = (rocky9_root / "etc" / "yum.repos.d" / "almalinux-baseos.repo").read_text()
    assert "baseurl=%s/$releasever/BaseOS/$basearch/os/" % mirror in repo


def test_plain_path_mirror_converts(world, rocky9_root, trust_config):
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", _local_mirror(world) + "/",
                     config=trust_config, env=NO_ENV_PROXY)
    report = _assert_converted(world, rocky9_root, result)
    assert report["target"]["mirror"] == "file://" + _local_mirror(world)


def _assert_all_through(proxy, mirror, report):
    """The key, the metadata and every package of the plan came through the proxy."""
    fetched = set(proxy.requests)
    assert "%s/%s" % (mirror, "RPM-GPG-KEY-AlmaLinux-9") in fetched
    assert any(u.endswith("/repodata/repomd.xml") for u in fetched)
    downloaded = [u.rsplit("/", 1)[1] for u in fetched if u.endswith(".rpm")]
    plan = report["plan"]
    names = [e["name"] for key in ("upgraded", "downgraded", "reinstalled", "installed") for e in plan[key]]
    names += [n for swap in plan["swapped"] for n in swap["to"]]
    assert len(names) > 5
    missing = [n for n in names if not any(f.startswith(n + "-") for f in downloaded)]
    assert missing == []


def test_proxy_option_carries_key_and_every_download(world, mirror, rocky9_root, trust_config, proxy):
    url = world.mirror_url(mirror)
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", url, "--proxy", proxy.url,
                     config=trust_config, env=NO_ENV_PROXY)
    _assert_all_through(proxy, url, _assert_converted(world, rocky9_root, result))


def test_proxy_from_config_with_credentials(world, mirror, rocky9_root, trust_config, tmp_path):
    authenticated = ForwardingProxy(credentials="ann:s3cret")
    try:
        config = tmp_path / "proxy.toml"
        config.write_text(trust_config.read_text() + '[mirror]\nproxy = "http://ann:s3cret@%s"\n'
                          % authenticated.url.split("://", 1)[1])
        url = world.mirror_url(mirror)
        result = run_cli(rocky9_root, "convert", "--yes", "--mirror", url, config=config, env=NO_ENV_PROXY)
        _assert_all_through(authenticated, url, _assert_converted(world, rocky9_root, result))
    finally:
        authenticated.stop()


def test_proxy_from_environment_and_no_proxy(world, mirror, rocky9_root, trust_config, proxy):
    url = world.mirror_url(mirror)
    env = dict(NO_ENV_PROXY, http_proxy=proxy.url)
    preflight = run_cli(rocky9_root, "preflight", "--mirror", url, config=trust_config,
                        env=dict(env, no_proxy="127.0.0.1"))
    assert preflight.returncode == 0, preflight
    assert proxy.requests == []  # no_proxy names the mirror's host: straight there
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", url, config=trust_config, env=env)
    _assert_all_through(proxy, url, _assert_converted(world, rocky9_root, result))


def test_private_ca_mirror_needs_ca_cert(world, rocky9_root, trust_config, tmp_path):
    ca, cert, key = make_private_ca(tmp_path / "pki")
    server = HttpsServer(world.srv, cert, key)
    try:
        url = world.mirror_url(server.url)
        untrusted = run_cli(rocky9_root, "preflight", "--mirror", url, config=trust_config, env=NO_ENV_PROXY)
        assert untrusted.returncode == 3, untrusted
        assert "MIRROR_UNREACHABLE" in [f["id"] for f in untrusted.document["findings"]]
        assert "CERTIFICATE_VERIFY_FAILED" in untrusted.stdout
        result = run_cli(rocky9_root, "convert", "--yes", "--mirror", url, "--ca-cert", ca,
                         config=trust_config, env=NO_ENV_PROXY)
        _assert_converted(world, rocky9_root, result)
        # the converted host's own dnf can verify the mirror: the CA is in the root and named
        installed = rocky9_root / "etc" / "pki" / "almalinux-migrate" / "mirror-ca.pem"
        assert installed.read_bytes() == open(ca, "rb").read()
        repo = (rocky9_root / "etc" / "yum.repos.d" / "almalinux-baseos.repo").read_text()
        assert "baseurl=%s/$releasever/BaseOS/$basearch/os/\nsslcacert=/etc/pki/almalinux-migrate/mirror-ca.pem\n" % url in repo
    finally:
        server.stop()


def test_image_dnf_conf_proxy_is_not_trusted_under_root(world, mirror, rocky9_root, trust_config, proxy):
    conf = rocky9_root / "etc" / "dnf" / "dnf.conf"
    conf.write_text(conf.read_text() + "proxy=%s\nsslcacert=/etc/pki/evil.pem\n" % proxy.url)
    result = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env=NO_ENV_PROXY)
    assert result.returncode == 0, result
    assert proxy.requests == []

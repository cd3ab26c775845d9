"""The target key from the mirror: fetched through the resolved proxy with the URL's credentials,
and only the keys we trust kept (the real key files in tests/fixtures/real/keys)."""
import base64
import calendar
import io
import os
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from migrate.config import Options
from migrate.keys import parse_public_keys
from migrate.network.mirror import authenticated_request, probe_key, select_keys
from migrate.network.settings import Network
from migrate.trust import Trust
from tests.factories import FIXTURES, profiles

REAL = os.path.join(FIXTURES, "real", "keys")
ALMA8_2021 = "5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8"
ALMA8_2023 = "BC5EDDCADF502C077F1582882AE81E8ACED7258B"
ALMA9 = "BF18AC2876178908D6E71267D36CB86CB86B3716"
IN_2025 = calendar.timegm((2025, 6, 1, 0, 0, 0))


def real(name):
    with io.open(os.path.join(REAL, name), encoding="ascii") as handle:
        return handle.read()


@pytest.fixture
def proxy():
    """An HTTP proxy on 127.0.0.1 that answers every request with the AlmaLinux 9 key file and
    keeps (request line target, Authorization header) of each."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers.get("Authorization")))
            body = real("RPM-GPG-KEY-AlmaLinux-9").encode("ascii")
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_port, seen
    server.shutdown()
    server.server_close()
    thread.join()


def test_the_key_comes_through_the_proxy_with_the_urls_credentials(proxy):
    url, seen = proxy
    probe = probe_key("http://user%40corp:p%3Ass@mirror.invalid/RPM-GPG-KEY-AlmaLinux-9", Trust([ALMA9]),
                      Network(proxy=url), IN_2025)
    assert seen == [("http://mirror.invalid/RPM-GPG-KEY-AlmaLinux-9",
                     "Basic " + base64.b64encode(b"user@corp:p:ss").decode("ascii"))]
    assert (probe.error, probe.fetched, [k.fingerprint for k in probe.trusted]) == (None, True, [ALMA9])
    assert [k.fingerprint for k in parse_public_keys(probe.text)] == [ALMA9]


def test_a_url_without_credentials_sends_no_authorization():
    request = authenticated_request("https://repo.almalinux.org/almalinux/RPM-GPG-KEY-AlmaLinux-9")
    assert request.full_url == "https://repo.almalinux.org/almalinux/RPM-GPG-KEY-AlmaLinux-9"
    assert request.get_header("Authorization") is None


def test_a_file_url_is_read_and_a_missing_one_is_a_failed_download(tmp_path):
    good = probe_key("file://" + os.path.join(REAL, "RPM-GPG-KEY-AlmaLinux-9"), Trust([ALMA9]), None, IN_2025)
    assert [k.fingerprint for k in good.trusted] == [ALMA9]
    missing = "file://%s/RPM-GPG-KEY-AlmaLinux-9" % tmp_path
    gone = probe_key(missing, Trust([ALMA9]), None, IN_2025)
    assert (gone.fetched, gone.trusted, gone.text) == (False, (), "")
    assert gone.error == "cannot download %s: [Errno 2] No such file or directory: '%s/RPM-GPG-KEY-AlmaLinux-9'" % (
        missing, tmp_path)


def test_probe_of_the_real_almalinux_8_file_today_admits_only_the_2023_key():
    target = profiles().target_for(8)
    probe = select_keys("x", real(target.key_file), Trust.for_target(target, Options()), IN_2025)
    assert [k.fingerprint for k in probe.trusted] == [ALMA8_2023]
    assert [k.fingerprint for k in probe.unusable] == [ALMA8_2021]
    assert [k.fingerprint for k in parse_public_keys(probe.text)] == [ALMA8_2023]


@pytest.mark.parametrize("where", ["before", "after"])
def test_other_keys_in_the_file_are_ignored_and_never_written_out(where):
    pinned, other = real("RPM-GPG-KEY-AlmaLinux-9"), real("RPM-GPG-KEY-Rocky-9")
    text = other + pinned if where == "before" else pinned + other
    probe = select_keys("x", text, Trust([ALMA9]), IN_2025)
    assert [k.fingerprint for k in probe.ignored] == ["21CB256AE16FC54C6E652949702D426D350D275D"]
    assert [k.fingerprint for k in parse_public_keys(probe.text)] == [ALMA9]


def test_only_unpinned_keys_trusts_nothing():
    probe = select_keys("x", real("RPM-GPG-KEY-Rocky-9"), Trust([ALMA9]), IN_2025)
    assert probe.trusted == () and probe.error is None and probe.text == ""


def test_html_is_an_error():
    probe = select_keys("x", "<html><body>Not Found</body></html>", Trust([ALMA9]), IN_2025)
    assert probe.trusted == () and probe.error == "x is not an OpenPGP public key: no PGP PUBLIC KEY BLOCK found"

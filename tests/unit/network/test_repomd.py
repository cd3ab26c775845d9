"""A repo's repomd.xml GET failing, named the way TARGET_REPOS_MISSING and the log name it."""
import socket
import urllib.error

from migrate.network.repomd import describe_url_error


def test_http_status_timeout_and_dropped_connection_from_urllib():
    assert describe_url_error(urllib.error.HTTPError("u", 404, "Not Found", {}, None)) == "HTTP 404"
    assert describe_url_error(urllib.error.HTTPError("u", 503, "Unavailable", {}, None)) == "HTTP 503"
    assert describe_url_error(urllib.error.URLError(socket.timeout("timed out"))).startswith("timeout: ")
    assert describe_url_error(ConnectionResetError(104, "reset")).startswith("connection dropped: ")

"""Does a target repo answer? One GET of its repodata/repomd.xml, and a urllib failure as a
reason a person and a panel can act on: HTTP 404, HTTP 5xx, a dropped connection, a timeout."""
import http.client
import socket
import urllib.error

from migrate.network.mirror import open_url

TIMEOUT = "timeout"


def probe_repomd(url, net=None):
    """None when URL (a repo's base) serves repodata/repomd.xml, else why not (`net`: a
    migrate.network.settings.Network; http(s):// and file:// alike)."""
    try:
        with open_url(url.rstrip("/") + "/repodata/repomd.xml", net) as response:
            response.read(1)
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        return describe_url_error(exc)
    return None


def describe_url_error(exc):
    """A urllib failure as a short reason."""
    if isinstance(exc, urllib.error.HTTPError):
        return "HTTP %d" % exc.code
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(reason):
        return "%s: %s" % (TIMEOUT, reason)
    if isinstance(reason, (http.client.RemoteDisconnected, ConnectionResetError)):
        return "connection dropped: %s" % reason
    return "connection failed: %s" % reason

"""Why a target repo cannot be loaded, in words a person and a panel can act on: HTTP 404,
HTTP 5xx, a dropped connection, a timeout, a checksum mismatch. A repo that cannot be loaded
is never silently left out (docs/cli.md): TARGET_REPOS_MISSING reports each with its reason."""
import http.client
import logging
import socket
import urllib.error

from migrate.plan.mirror import open_url

log = logging.getLogger(__name__)

TIMEOUT = "timeout"
CHECKSUM = "checksum mismatch"


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


def describe_librepo_error(text, details=()):
    """librepo's message (dnf.exceptions.RepoError) as a short reason. `details`: what dnf
    logged while loading; the final message drops the cause ("all mirrors were tried"), the
    per-attempt lines keep it ("checksum doesn't match", "Timeout was reached")."""
    everything = " ".join([text] + list(details)).lower()
    if "checksum" in everything:
        kind = CHECKSUM
    elif "timeout" in everything or "timed out" in everything or "too slow" in everything:
        kind = TIMEOUT
    elif "status code: 404" in everything:
        kind = "HTTP 404"
    elif "status code: 5" in everything:
        kind = "HTTP 5xx"
    else:
        kind = "cannot load"
    cause = [" ".join(d.split()) for d in details if d.strip().startswith("error:")]
    return "%s: %s%s" % (kind, " ".join(text.split()), (" (%s)" % cause[-1]) if cause else "")


class _Collect(logging.Handler):
    def __init__(self):
        super(_Collect, self).__init__(logging.DEBUG)
        self.messages = []

    def emit(self, record):
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a message that cannot be formatted is no cause worth naming
            pass


def probe_repomd(url, net=None):
    """None when URL (a repo's base) serves repodata/repomd.xml, else why not (`net`: a
    migrate.network.Network; http(s):// and file:// alike)."""
    try:
        with open_url(url.rstrip("/") + "/repodata/repomd.xml", net) as response:
            response.read(1)
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        return describe_url_error(exc)
    return None


def load_metadata(repo):
    """Load one dnf repo's metadata now; None when it loaded, else why not (checksums are
    librepo's to check: a repomd.xml that loads can still point at a damaged primary.xml)."""
    import dnf.exceptions

    collect = _Collect()
    dnf_log = logging.getLogger("dnf")
    dnf_log.addHandler(collect)
    try:
        repo.load()
    except dnf.exceptions.RepoError as exc:
        return describe_librepo_error(str(exc), collect.messages)
    finally:
        dnf_log.removeHandler(collect)
    return None


def missing_repo(repo_id, url, reason):
    log.warning("target repository %s (%s) cannot be loaded: %s", repo_id, url, reason)
    return {"id": repo_id, "url": url, "missing": True, "error": reason}

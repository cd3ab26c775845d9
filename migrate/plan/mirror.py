"""Fetch the target's signing key from the mirror and decide whether to trust it."""
import base64
import logging
import urllib.error
import urllib.parse
import urllib.request
from typing import NamedTuple, Optional, Tuple

from migrate.keys import KeyFormatError, parse_public_keys

log = logging.getLogger(__name__)
TIMEOUT = 30


class KeyProbe(NamedTuple):
    url: str
    error: Optional[str]  # why the key could not be fetched or read
    text: str
    fingerprints: Tuple[str, ...]  # every key in the file
    trusted: Tuple[object, ...]  # PublicKey records whose fingerprint is pinned or configured


def authenticated_request(url):
    """A Request for `url` whose `user:password@` (urllib does not send it) becomes HTTP Basic
    auth, as dnf's librepo does with the same URL in a repo's baseurl (RFC 7617)."""
    parts = urllib.parse.urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    if not at:
        return urllib.request.Request(url)
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(("%s:%s" % (urllib.parse.unquote(user), urllib.parse.unquote(password)))
                             .encode("utf-8")).decode("ascii")
    return urllib.request.Request(urllib.parse.urlunsplit(parts._replace(netloc=host)),
                                  headers={"Authorization": "Basic " + token})


def open_url(url, proxy=None):
    handlers = []
    if proxy:
        handlers.append(urllib.request.ProxyHandler({"http": proxy, "https": proxy}))
    else:
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    return opener.open(authenticated_request(url), timeout=TIMEOUT)


def fetch_text(url, proxy=None, limit=1024 * 1024):
    with open_url(url, proxy) as response:
        return response.read(limit).decode("utf-8", "replace")


def probe_key(url, trusted_fingerprints, proxy=None):
    try:
        text = fetch_text(url, proxy)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        return KeyProbe(url, "cannot download %s: %s" % (url, reason), "", (), ())
    try:
        keys = parse_public_keys(text)
    except KeyFormatError as exc:
        return KeyProbe(url, "%s is not an OpenPGP public key: %s" % (url, exc), text, (), ())
    trusted = tuple(k for k in keys if k.fingerprint in trusted_fingerprints)
    return KeyProbe(url, None, text, tuple(k.fingerprint for k in keys), trusted)


def repo_available(url, proxy=None):
    """Whether URL (a repo's base) serves repodata/repomd.xml."""
    try:
        with open_url(url.rstrip("/") + "/repodata/repomd.xml", proxy) as response:
            return response.status < 400 if hasattr(response, "status") else True
    except (urllib.error.URLError, OSError, ValueError):
        return False

"""Fetch the target's signing key from the mirror and decide whether to trust it."""
import logging
import urllib.error
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


def open_url(url, proxy=None):
    handlers = []
    if proxy:
        handlers.append(urllib.request.ProxyHandler({"http": proxy, "https": proxy}))
    else:
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    return opener.open(url, timeout=TIMEOUT)


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


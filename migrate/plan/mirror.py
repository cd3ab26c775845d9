"""Fetch the target's signing key from the mirror and decide whether to trust it."""
import logging
import ssl
import urllib.error
import urllib.request
from typing import NamedTuple, Optional, Tuple

from migrate.keys import KeyFormatError, parse_public_keys
from migrate.network import Network

log = logging.getLogger(__name__)
TIMEOUT = 30


class KeyProbe(NamedTuple):
    url: str
    error: Optional[str]  # why the key could not be fetched or read
    text: str
    fingerprints: Tuple[str, ...]  # every key in the file
    trusted: Tuple[object, ...]  # PublicKey records whose fingerprint is pinned or configured


def _network(net):
    """A migrate.network.Network; a plain string is a proxy URL (older callers)."""
    if net is None or isinstance(net, str):
        return Network(proxy=net or None)
    return net


def open_url(url, net=None):
    """Open URL (http(s):// or file://) through the resolved proxy and CA bundle, never through
    whatever urllib would pick up on its own: the resolution in migrate.network decides."""
    net = _network(net)
    proxy = net.proxy_for(url)
    handlers = [urllib.request.ProxyHandler({"http": proxy, "https": proxy} if proxy else {})]
    if net.ca_cert:
        handlers.append(urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=net.ca_cert)))
    opener = urllib.request.build_opener(*handlers)
    return opener.open(url, timeout=TIMEOUT)


def fetch_text(url, net=None, limit=1024 * 1024):
    with open_url(url, net) as response:
        return response.read(limit).decode("utf-8", "replace")


def probe_key(url, trusted_fingerprints, net=None):
    try:
        text = fetch_text(url, net)
    except (urllib.error.URLError, OSError, ValueError, ssl.SSLError) as exc:
        reason = getattr(exc, "reason", None) or exc
        return KeyProbe(url, "cannot download %s: %s" % (url, reason), "", (), ())
    try:
        keys = parse_public_keys(text)
    except KeyFormatError as exc:
        return KeyProbe(url, "%s is not an OpenPGP public key: %s" % (url, exc), text, (), ())
    trusted = tuple(k for k in keys if k.fingerprint in trusted_fingerprints)
    return KeyProbe(url, None, text, tuple(k.fingerprint for k in keys), trusted)

"""Fetch the target's signing key from the mirror and keep only the keys we trust (migrate.trust)."""
import base64
import logging
import ssl
import urllib.error
import urllib.parse
import urllib.request
from typing import NamedTuple, Optional, Tuple

from migrate.keys import KeyFormatError
from migrate.network.settings import Network
from migrate.trust import admitted

log = logging.getLogger(__name__)
TIMEOUT = 30


class KeyProbe(NamedTuple):
    url: str
    error: Optional[str]  # why the key could not be fetched or read
    text: str  # the admitted keys re-armored: never the file as served
    fingerprints: Tuple[str, ...]  # every key in the file
    trusted: Tuple[object, ...]  # TrustedKey records a conversion may use now (migrate.trust)
    ignored: Tuple[object, ...] = ()  # IgnoredKey: the file's other keys
    unusable: Tuple[object, ...] = ()  # trusted keys that expired or were revoked
    fetched: bool = True  # False: the download itself failed (MIRROR_UNREACHABLE)


def _network(net):
    """A migrate.network.settings.Network; a plain string is a proxy URL (older callers)."""
    if net is None or isinstance(net, str):
        return Network(proxy=net or None)
    return net


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


def open_url(url, net=None):
    """Open URL (http(s):// or file://) through the resolved proxy and CA bundle, never through
    whatever urllib would pick up on its own: the resolution in migrate.network.settings decides."""
    net = _network(net)
    proxy = net.proxy_for(url)
    handlers = [urllib.request.ProxyHandler({"http": proxy, "https": proxy} if proxy else {})]
    if net.ca_cert:
        handlers.append(urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=net.ca_cert)))
    opener = urllib.request.build_opener(*handlers)
    return opener.open(authenticated_request(url), timeout=TIMEOUT)


def fetch_text(url, net=None, limit=1024 * 1024):
    with open_url(url, net) as response:
        return response.read(limit).decode("utf-8", "replace")


def probe_key(url, trust, net=None, now=None, copies=()):
    """Fetch the key file and keep only what `trust` (a migrate.trust.Trust) admits now;
    `copies`: other copies of trusted keys (migrate.trust.admitted)."""
    try:
        text = fetch_text(url, net)
    except (urllib.error.URLError, OSError, ValueError, ssl.SSLError) as exc:
        reason = getattr(exc, "reason", None) or exc
        return KeyProbe(url, "cannot download %s: %s" % (url, reason), "", (), (), fetched=False)
    return select_keys(url, text, trust, now, copies)


def select_keys(url, text, trust, now=None, copies=()):
    try:
        selection = trust.select(text)
    except KeyFormatError as exc:
        return KeyProbe(url, "%s is not an OpenPGP public key: %s" % (url, exc), "", (), ())
    usable = admitted(selection.trusted, now, copies)
    fingerprints = tuple(k.fingerprint for k in selection.trusted) + tuple(
        k.fingerprint for k in selection.ignored)
    have = set(k.fingerprint for k in usable)
    unusable = tuple(k for k in selection.trusted if k.fingerprint not in have)
    if usable:
        log.info("trusted keys in %s: %s", url, ", ".join(k.fingerprint for k in usable))
    return KeyProbe(url, None, "".join(k.armored for k in usable), fingerprints, usable,
                    selection.ignored, unusable)


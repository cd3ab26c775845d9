"""Where downloads go and how: the mirror URL (http(s)://, file:// or a plain path), the proxy
and the CA bundle. One resolution for the key download, the repo probes and every dnf download.

The proxy comes from --proxy, then the config, then https_proxy/http_proxy (with no_proxy),
then, on the live host only, dnf.conf's proxy= with proxy_username/proxy_password: an image's
dnf.conf is untrusted input under --root (README, "Command line"). The CA bundle comes from
--ca-cert, then the config's [mirror] ca_cert, then (live host only) dnf.conf's sslcacert."""
import os
from typing import NamedTuple, Optional, Tuple

from migrate.errors import UsageError

from urllib.parse import quote, urlsplit, urlunsplit

SCHEMES = ("http", "https", "file")
DNF_CONF = "/etc/dnf/dnf.conf"


class Network(NamedTuple):
    proxy: Optional[str] = None  # may carry user:password@ (masked in the log)
    no_proxy: Tuple[str, ...] = ()  # host names or domain suffixes that bypass the proxy
    ca_cert: Optional[str] = None  # a CA bundle file on the machine running the tool

    def proxy_for(self, url):
        """The proxy for URL: None for file:// and for hosts no_proxy names."""
        parts = urlsplit(url or "")
        if not self.proxy or parts.scheme not in ("http", "https"):
            return None
        if bypasses(parts.hostname or "", self.no_proxy):
            return None
        return self.proxy


def bypasses(host, no_proxy):
    """curl's and Python's reading of no_proxy: `*`, exact hosts and domain suffixes."""
    host = host.lower().strip("[]")
    for entry in no_proxy:
        entry = entry.strip().lower().lstrip(".")
        if entry == "*" or (entry and (host == entry or host.endswith("." + entry))):
            return True
    return False


def normalize_mirror(value):
    """http(s):// and file:// URLs as given (no trailing slash); a plain path -> file:// URL."""
    if not value:
        return None
    value = value.strip()
    if "://" not in value:
        return "file://" + os.path.abspath(value).rstrip("/")
    scheme = value.split("://", 1)[0].lower()
    if scheme not in SCHEMES:
        raise UsageError("--mirror %s: use an http://, https:// or file:// URL, or a directory" % value)
    if scheme == "file" and not value[len("file://"):].startswith("/"):
        raise UsageError("--mirror %s: a file:// URL needs an absolute path (file:///srv/almalinux)" % value)
    return value.rstrip("/")


def with_credentials(url, username, password):
    """proxy=http://host:3128 with proxy_username/proxy_password -> http://user:pass@host:3128."""
    if not url or not username or "@" in url:
        return url
    parts = urlsplit(url if "://" in url else "http://" + url)
    userinfo = quote(username, safe="")
    if password:
        userinfo += ":" + quote(password, safe="")
    return urlunsplit((parts.scheme, "%s@%s" % (userinfo, parts.netloc), parts.path, parts.query, parts.fragment))


def parse_dnf_network(text):
    """(proxy URL with credentials, sslcacert) from dnf.conf's [main]; None where unset."""
    import configparser

    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(text or "")
    except configparser.Error:
        return None, None
    if not parser.has_section("main"):
        return None, None

    def get(key):
        value = parser.get("main", key, fallback="").strip()
        return value or None

    proxy = get("proxy")
    if proxy in ("_none_",):
        proxy = None
    return with_credentials(proxy, get("proxy_username"), get("proxy_password")), get("sslcacert")


def environment_proxy(environ, mirror=None):
    """https_proxy or http_proxy (lower case first, as curl reads them), the one matching the
    mirror's scheme first; no_proxy split into entries."""
    order = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY") if (mirror or "").startswith(
        "http://") else ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY")
    proxy = next((environ[k] for k in order if environ.get(k)), None)
    no_proxy = environ.get("no_proxy") or environ.get("NO_PROXY") or ""
    return proxy, tuple(e for e in no_proxy.replace(" ", ",").split(",") if e)


def resolve_network(proxy, ca_cert, mirror, root_is_live, dnf_conf_text, environ):
    """Network settings by the contract's precedence; proxy/ca_cert are --option or config."""
    no_proxy = ()
    dnf_proxy, dnf_ca = parse_dnf_network(dnf_conf_text) if root_is_live else (None, None)
    if not proxy:
        proxy, no_proxy = environment_proxy(environ, mirror)
    if not proxy:
        proxy = dnf_proxy
    if ca_cert:
        ca_cert = os.path.abspath(ca_cert)
        if not os.path.isfile(ca_cert):
            raise UsageError("--ca-cert %s: no such file" % ca_cert)
    elif dnf_ca and os.path.isfile(dnf_ca):
        ca_cert = dnf_ca
    return Network(proxy or None, no_proxy, ca_cert)


def network_of(options):
    return Network(options.proxy, tuple(options.no_proxy or ()), options.ca_cert)


def with_network(options, root, environ):
    """Options with proxy, no_proxy and ca_cert resolved for this root and environment."""
    text = root.read_text(DNF_CONF, default="") if root.is_live else ""
    net = resolve_network(options.proxy, options.ca_cert, options.mirror, root.is_live, text, environ)
    return options._replace(proxy=net.proxy, no_proxy=net.no_proxy, ca_cert=net.ca_cert)

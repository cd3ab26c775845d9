"""RHEL registration: subscription-manager's consumer certificate and the server it talks to
(the Red Hat CDN, or a Satellite/Katello)."""
import configparser

from migrate.facts.model import Registration

CONSUMER_CERT = "/etc/pki/consumer/cert.pem"
RHSM_CONF = "/etc/rhsm/rhsm.conf"


def parse_rhsm_server(text):
    """[server] hostname of rhsm.conf; "" when absent or unreadable."""
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(text or "")
    except configparser.Error:
        return ""
    return parser.get("server", "hostname", fallback="").strip()


def collect_registration(root):
    """None when subscription-manager was never configured in the root."""
    registered = root.exists(CONSUMER_CERT)
    if not registered and not root.exists(RHSM_CONF):
        return None
    return Registration(registered, parse_rhsm_server(root.read_text(RHSM_CONF, default="")))

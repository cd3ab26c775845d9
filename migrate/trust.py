"""The one set of keys this tool trusts, and what it keeps of a key file.

Trusted are the target profile's pinned fingerprints plus `trust.extra_fingerprints` from the
configuration (never from an image's own files under --root). Each trusted primary key comes
with exactly those subkeys its primary bound with a binding signature that verifies, that
carry the signing flag and that no verified revocation withdrew (keysig.py). From a key file
only these packets are kept and written out, re-armored: every other key is ignored and named.

Expiry splits the set in two uses: an expired key still proves the origin of packages already
installed (verify, leftovers, kernel choice on a converted host), but it never admits a
package into a conversion (`admitted`). README "Which keys are trusted" explains it to users."""
import os
import time
from typing import NamedTuple, Optional, Tuple

from migrate import keysig
from migrate.keys import KeyFormatError, armor, encode_packet, fingerprint, parse_certificates
from migrate.profiles import normalize_fingerprint, pinned_key_text


class TrustedSubkey(NamedTuple):
    fingerprint: str
    expires: Optional[int]  # Unix time; None: never
    packets: bytes  # the subkey and its verified binding signature(s)

    @property
    def keyid(self):
        return self.fingerprint[-16:].lower()


class TrustedKey(NamedTuple):
    fingerprint: str
    expires: Optional[int]
    revoked: bool
    name: str  # its first user ID, for findings
    packets: bytes  # the primary, verified self-signatures, user IDs
    subkeys: Tuple[TrustedSubkey, ...]  # signing subkeys with a verified binding

    @property
    def keyid(self):
        return self.fingerprint[-16:].lower()

    @property
    def keyids(self):
        return (self.keyid,) + tuple(s.keyid for s in self.subkeys)

    def expired(self, now):
        return self.expires is not None and self.expires <= now

    def at(self, now, other=None):
        """This key as a conversion may use it at `now`: None when it expired or was revoked,
        else without its expired subkeys. `other` (another copy of the same key, e.g. the one
        shipped with the tool) counts too: a copy served without its newest self-signature
        must not bring an expired key back."""
        if self.revoked or self.expired(now) or (other is not None and (other.revoked or other.expired(now))):
            return None
        dead = set(s.fingerprint for s in (other.subkeys if other is not None else ())
                   if s.expires is not None and s.expires <= now)
        live = tuple(s for s in self.subkeys
                     if (s.expires is None or s.expires > now) and s.fingerprint not in dead)
        return self._replace(subkeys=live)

    @property
    def armored(self):
        return armor(self.packets + b"".join(s.packets for s in self.subkeys))


class IgnoredKey(NamedTuple):
    fingerprint: str
    name: str


class KeySelection(NamedTuple):
    trusted: Tuple[TrustedKey, ...]
    ignored: Tuple[IgnoredKey, ...]  # every other key in the file


def _name(cert):
    for component in cert.user_ids:
        if component.packet.tag == 13:
            return component.packet.body.decode("utf-8", "replace")
    return ""


def _verified(signatures, types, primary, component=None):
    found = []
    for packet in signatures:
        try:
            sig = keysig.parse_signature(packet.body)
            good = sig is not None and sig.sig_type in types and keysig.verify(sig, primary, component)
        except KeyFormatError:
            continue
        if good:
            found.append((packet, sig))
    return found


def _subkey(component, primary):
    """The subkey as a trusted signing subkey, or None (no valid binding, not for signing,
    revoked)."""
    body = component.packet.body
    try:
        subkey_fingerprint = fingerprint(body)
    except KeyFormatError:
        return None
    if _verified(component.signatures, (keysig.SUBKEY_REVOCATION,), primary, component.packet):
        return None
    bindings = _verified(component.signatures, (keysig.SUBKEY_BINDING,), primary, component.packet)
    best = keysig.newest(sig for _, sig in bindings)
    if best is None or best.flags is None or not best.flags & keysig.SIGN_FLAG:
        return None
    packets = encode_packet(component.packet) + b"".join(encode_packet(p) for p, _ in bindings)
    return TrustedSubkey(subkey_fingerprint, keysig.expiry(keysig.key_created(body), best), packets)


def trusted_key(cert):
    """What a trusted certificate contributes: its primary with verified self-signatures
    and user IDs, and its verified signing subkeys. A primary neither RSA nor Ed25519 keeps its
    user IDs unchecked (so no expiry is known) and no subkeys: nothing here can check them."""
    primary = cert.primary.body
    revoked = bool(_verified(cert.direct, (keysig.KEY_REVOCATION,), primary))
    direct = _verified(cert.direct, (keysig.DIRECT_KEY,), primary)
    packets = encode_packet(cert.primary) + b"".join(encode_packet(p) for p, _ in direct)
    selfsigs = [sig for _, sig in direct]
    checkable = keysig.checkable(primary)
    for component in cert.user_ids:
        if checkable:
            certs = _verified(component.signatures, keysig.CERTIFICATIONS, primary, component.packet)
        else:  # neither RSA nor Ed25519: rpm needs a user ID; its self-signatures go unchecked
            certs = [(p, None) for p in component.signatures]
        if certs:
            packets += encode_packet(component.packet) + b"".join(encode_packet(p) for p, _ in certs)
            selfsigs += [sig for _, sig in certs if sig is not None]
    expires = keysig.expiry(keysig.key_created(primary), keysig.newest(selfsigs))
    subkeys = tuple(s for s in (_subkey(c, primary) for c in cert.subkeys) if s is not None)
    return TrustedKey(cert.fingerprint, expires, revoked, _name(cert), packets, subkeys)


class Trust(object):
    """Trusted primary fingerprints; `select` applies them to a key file's text."""

    def __init__(self, fingerprints):
        normalized = (normalize_fingerprint(f) for f in fingerprints)
        self.fingerprints = frozenset(f for f in normalized if f)

    @classmethod
    def for_target(cls, profile, options):
        return cls(list(profile.fingerprints if profile else ()) + list(options.extra_fingerprints))

    def select(self, text):
        """KeySelection of a key file; KeyFormatError when it holds no OpenPGP key."""
        trusted, ignored = [], []
        for cert in parse_certificates(text):
            key = None
            if cert.fingerprint in self.fingerprints:
                try:
                    key = trusted_key(cert)
                except KeyFormatError:  # a malformed key packet: nothing of it is used
                    key = None
            if key is not None:
                trusted.append(key)
            else:
                ignored.append(IgnoredKey(cert.fingerprint, _name(cert)))
        return KeySelection(tuple(trusted), tuple(ignored))

    def keys_from(self, texts):
        """The trusted keys found in several key files (the pinned copies shipped with the
        tool, the rpmdb's gpg-pubkeys, the run's saved key): one record per primary, with
        every signing subkey any of them binds and the earliest expiry any of them states
        (listed first, the shipped copy's subkeys win). Unreadable texts are skipped."""
        merged = {}
        for text in texts:
            try:
                selection = self.select(text)
            except KeyFormatError:
                continue
            for key in selection.trusted:
                known = merged.get(key.fingerprint)
                if known is None:
                    merged[key.fingerprint] = key
                    continue
                have = set(s.fingerprint for s in known.subkeys)
                extra = tuple(s for s in key.subkeys if s.fingerprint not in have)
                dates = [d for d in (known.expires, key.expires) if d is not None]
                expires = min(dates) if dates else None  # a stripped copy never extends a key
                merged[key.fingerprint] = known._replace(subkeys=known.subkeys + extra, expires=expires,
                                                         revoked=known.revoked or key.revoked)
        return tuple(merged[f] for f in sorted(merged))


class JournalTrust(NamedTuple):
    trust: Trust
    ignored: Tuple[str, ...]  # fingerprints the journal names that nobody pinned or configured


def journal_trust(recorded, profile, options, live):
    """The fingerprints a run's journal (`trusted_fingerprints`) may bring back into trust.
    On the live host the journal is this machine's own file, written by root like its config,
    so what the run trusted is trusted again (a `--config` given to `convert` need not be given
    again to `resume` at boot). Under --root it is the image's: only its fingerprints that are
    pinned for `profile` or configured in `options` (never by the image, config.load_config)
    count; the others are returned as ignored (design: the image "never add[s] keys")."""
    recorded = Trust(recorded or ())
    if live:
        return JournalTrust(recorded, ())
    allowed = Trust.for_target(profile, options).fingerprints
    return JournalTrust(Trust(recorded.fingerprints & allowed),
                        tuple(sorted(recorded.fingerprints - allowed)))


def keyids(keys):
    """Every key ID (primary and signing subkeys, 16 lowercase hex) that proves origin."""
    return set(k for key in keys for k in key.keyids if not key.revoked)


def admitted(keys, now=None, copies=()):
    """The keys a conversion may use at `now` (default: the current time); `copies` are other
    copies of trusted keys whose expiry and revocations count as well."""
    now = time.time() if now is None else now
    others = dict((k.fingerprint, k) for k in copies)
    return tuple(k for k in (key.at(now, others.get(key.fingerprint)) for key in keys) if k is not None)



def origin_keys(trust, profile, texts=()):
    """The trusted keys that prove where installed packages came from, expired ones included:
    from the target's real key file shipped with the tool and the given key texts."""
    pinned = [pinned_key_text(profile)] if profile is not None else []
    return trust.keys_from(pinned + list(texts))


def saved_key_texts(folder):
    """The key files SAVE_TARGET_KEY wrote (one per key; an older version wrote one file)."""
    texts = []
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path):  # a link could lead out of --root
                with open(path, encoding="ascii", errors="replace") as handle:
                    texts.append(handle.read())
    return texts

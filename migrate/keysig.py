"""The signatures inside a key file, checked in pure Python (hashlib and pow only).

A subkey counts only when its primary key really signed it (a 0x18 binding signature that
verifies): anyone who serves a key file can append a subkey packet to a pinned primary (rpm
had this flaw: CVE-2021-3521). RSA is checked with PKCS#1 v1.5 (RFC 4880 sections 5.2.2-5.2.4,
RFC 8017 section 8.2.2; every AlmaLinux key is RSA), Ed25519 keys (current gpg's default, for
configured keys) with ed25519.py; other algorithms are not checked, so their subkeys never count. SHA-1 is accepted because
AlmaLinux 8's 2021 key binds its signing subkey with it; MD5 is not."""
import hashlib
from typing import NamedTuple, Optional

from migrate import ed25519
from migrate.keys import KeyFormatError

RSA_ALGORITHMS = (1, 3)  # RSA (encrypt or sign), RSA sign-only
EDDSA = 22  # EdDSA as gpg writes it for Ed25519 keys (RFC 9580 section 5.5.5.5, "EdDSALegacy")
ED25519_OID = bytes.fromhex("2b06010401da470f01")
# OpenPGP hash id -> (hashlib name, DER DigestInfo prefix of EMSA-PKCS1-v1_5)
HASHES = {
    2: ("sha1", bytes.fromhex("3021300906052b0e03021a05000414")),
    8: ("sha256", bytes.fromhex("3031300d060960864801650304020105000420")),
    9: ("sha384", bytes.fromhex("3041300d060960864801650304020205000430")),
    10: ("sha512", bytes.fromhex("3051300d060960864801650304020305000440")),
    11: ("sha224", bytes.fromhex("302d300d06096086480165030402040500041c")),
}
SUBKEY_BINDING, KEY_REVOCATION, SUBKEY_REVOCATION, DIRECT_KEY = 0x18, 0x20, 0x28, 0x1F
CERTIFICATIONS = (0x10, 0x11, 0x12, 0x13)
CREATED, SIG_EXPIRES, KEY_EXPIRES, ISSUER, KEY_FLAGS = 2, 3, 9, 16, 27
SIGN_FLAG = 0x02


class Signature(NamedTuple):
    sig_type: int
    algorithm: int
    hash_algorithm: int
    hashed: bytes  # version .. end of the hashed subpackets: what the trailer covers
    subpackets: dict  # hashed subpackets only: type -> body (the last one wins)
    left16: bytes
    mpis: tuple

    @property
    def created(self):
        return _u32(self.subpackets.get(CREATED))

    @property
    def key_expires_after(self):
        """Seconds after the key's creation when it expires; None: never."""
        value = _u32(self.subpackets.get(KEY_EXPIRES))
        return value or None

    @property
    def flags(self):
        """The first key flags octet; None when the signature states none."""
        body = self.subpackets.get(KEY_FLAGS)
        return body[0] if body else None


def _u32(body):
    return int.from_bytes(body[:4], "big") if body and len(body) >= 4 else None


def _mpis(data, pos, count):
    values = []
    for _ in range(count):
        if pos + 2 > len(data):
            raise KeyFormatError("truncated MPI")
        bits = int.from_bytes(data[pos:pos + 2], "big")
        size = (bits + 7) // 8
        if pos + 2 + size > len(data):
            raise KeyFormatError("truncated MPI")
        values.append(int.from_bytes(data[pos + 2:pos + 2 + size], "big"))
        pos += 2 + size
    return values, pos


def _subpackets(data):
    found, pos = {}, 0
    while pos < len(data):
        octet = data[pos]
        if octet < 192:
            length, pos = octet, pos + 1
        elif octet < 255:
            if pos + 1 >= len(data):
                raise KeyFormatError("bad signature subpacket")
            length, pos = ((octet - 192) << 8) + data[pos + 1] + 192, pos + 2
        else:
            length, pos = int.from_bytes(data[pos + 1:pos + 5], "big"), pos + 5
        if length < 1 or pos + length > len(data):
            raise KeyFormatError("bad signature subpacket")
        found[data[pos] & 0x7F] = data[pos + 1:pos + length]
        pos += length
    return found


def parse_signature(body):
    """A version 4 signature packet; None for other versions (never trusted)."""
    if len(body) < 6 or body[0] != 4:
        return None
    hashed_len = int.from_bytes(body[4:6], "big")
    end = 6 + hashed_len
    if end + 2 > len(body):
        raise KeyFormatError("truncated signature")
    unhashed_len = int.from_bytes(body[end:end + 2], "big")
    pos = end + 2 + unhashed_len
    if pos + 2 > len(body):
        raise KeyFormatError("truncated signature")
    count = 1 if body[2] in RSA_ALGORITHMS else 2 if body[2] == EDDSA else 0
    mpis, _ = _mpis(body, pos + 2, count)
    return Signature(body[1], body[2], body[3], body[:end], _subpackets(body[6:end]),
                     body[pos:pos + 2], tuple(mpis))


def rsa_public(key_body):
    """(n, e) of a version 4 RSA key packet; None for other algorithms."""
    if len(key_body) < 6 or key_body[0] != 4 or key_body[5] not in RSA_ALGORITHMS:
        return None
    (n, e), _ = _mpis(key_body, 6, 2)
    return n, e


def ed25519_public(key_body):
    """The 32-byte Ed25519 point of a version 4 EdDSA key packet; None otherwise."""
    if len(key_body) < 7 or key_body[0] != 4 or key_body[5] != EDDSA:
        return None
    end = 7 + key_body[6]
    if key_body[7:end] != ED25519_OID:
        return None
    (point,), _ = _mpis(key_body, end, 1)
    data = point.to_bytes((point.bit_length() + 7) // 8, "big")
    return data[1:] if len(data) == 33 and data[0] == 0x40 else None


def checkable(key_body):
    """Whether this module can check signatures made by this key."""
    return rsa_public(key_body) is not None or ed25519_public(key_body) is not None


def key_created(key_body):
    return int.from_bytes(key_body[1:5], "big")


def _key_material(body):
    return b"\x99" + len(body).to_bytes(2, "big") + body


def signed_data(sig, primary_body, component=None):
    """What `sig` covers (RFC 4880 section 5.2.4): the primary key, then the user ID or
    subkey it is about, then the signature's own hashed part and trailer."""
    data = _key_material(primary_body)
    if component is not None:
        tag, body = component
        if tag in (13, 17):  # user ID, user attribute
            data += bytes([0xB4 if tag == 13 else 0xD1]) + len(body).to_bytes(4, "big") + body
        else:
            data += _key_material(body)
    return data + sig.hashed + b"\x04\xff" + len(sig.hashed).to_bytes(4, "big")


def verify(sig, primary_body, component=None):
    """Whether sig, made by the primary key, verifies over (primary, component)."""
    if sig is None or sig.hash_algorithm not in HASHES or not sig.mpis:
        return False
    name, prefix = HASHES[sig.hash_algorithm]
    digest = hashlib.new(name, signed_data(sig, primary_body, component)).digest()
    if digest[:2] != sig.left16:
        return False
    if sig.algorithm == EDDSA:
        public = ed25519_public(primary_body)
        if public is None or len(sig.mpis) != 2 or max(sig.mpis).bit_length() > 256:
            return False
        return ed25519.verify(public, digest, b"".join(m.to_bytes(32, "big") for m in sig.mpis))
    public = rsa_public(primary_body)
    if public is None or sig.algorithm not in RSA_ALGORITHMS:
        return False
    n, e = public
    size = (n.bit_length() + 7) // 8
    if sig.mpis[0] >= n:
        return False
    encoded = pow(sig.mpis[0], e, n).to_bytes(size, "big")
    suffix = prefix + digest
    padding = size - len(suffix) - 3
    if padding < 8:
        return False
    return encoded == b"\x00\x01" + b"\xff" * padding + b"\x00" + suffix


def expiry(created, sig):
    """When a key created at `created` expires by what `sig` says; None: never."""
    after = sig.key_expires_after if sig is not None else None
    return created + after if after else None


def newest(signatures):
    """The most recent of some verified signatures (None when there are none)."""
    best = None  # type: Optional[Signature]
    for sig in signatures:
        if best is None or (sig.created or 0) >= (best.created or 0):
            best = sig
    return best

"""OpenPGP public keys, read in pure Python: a key's fingerprint decides whether we trust it,
and nothing reaches rpm's keyring before that decision (no `-y` auto-import, ever)."""
import base64
import binascii
import hashlib
from typing import NamedTuple, Tuple

PUBLIC_KEY, PUBLIC_SUBKEY = 6, 14


class PublicKey(NamedTuple):
    fingerprint: str  # 40 uppercase hex digits
    subkey_fingerprints: Tuple[str, ...]

    @property
    def keyid(self):
        """The 16-hex key ID rpm prints for a signature by this key."""
        return self.fingerprint[-16:].lower()

    @property
    def keyids(self):
        return (self.keyid,) + tuple(f[-16:].lower() for f in self.subkey_fingerprints)


class KeyFormatError(ValueError):
    pass


def dearmor(text):
    """Every ASCII-armored PUBLIC KEY BLOCK in text, as bytes."""
    blocks, body, inside = [], [], False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("-----BEGIN PGP PUBLIC KEY BLOCK"):
            inside, body = True, []
        elif line.startswith("-----END PGP PUBLIC KEY BLOCK"):
            inside = False
            data = "".join(l for l in body if l and not l.startswith("=") and ":" not in l)
            try:
                blocks.append(base64.b64decode(data))
            except (binascii.Error, ValueError) as exc:
                raise KeyFormatError("bad base64 in key block: %s" % exc)
        elif inside:
            body.append(line)
    if not blocks:
        raise KeyFormatError("no PGP PUBLIC KEY BLOCK found")
    return blocks


def _packets(data):
    """(tag, body) for each OpenPGP packet (RFC 4880 section 4.2)."""
    pos = 0
    while pos < len(data):
        first = data[pos]
        if not first & 0x80:
            raise KeyFormatError("not an OpenPGP packet at offset %d" % pos)
        if first & 0x40:  # new format
            tag = first & 0x3F
            octet = data[pos + 1]
            if octet < 192:
                length, pos = octet, pos + 2
            elif octet < 224:
                length, pos = ((octet - 192) << 8) + data[pos + 2] + 192, pos + 3
            elif octet == 255:
                length, pos = int.from_bytes(data[pos + 2:pos + 6], "big"), pos + 6
            else:
                raise KeyFormatError("partial body lengths are not used by keys")
        else:  # old format
            tag = (first >> 2) & 0x0F
            size = {0: 1, 1: 2, 2: 4}.get(first & 0x03)
            if size is None:
                raise KeyFormatError("indeterminate packet length")
            length = int.from_bytes(data[pos + 1:pos + 1 + size], "big")
            pos += 1 + size
        if pos + length > len(data):
            raise KeyFormatError("truncated packet")
        yield tag, data[pos:pos + length]
        pos += length


def _fingerprint(body):
    if not body or body[0] != 4:
        raise KeyFormatError("only version 4 keys are supported (got version %r)" % (body[:1],))
    return hashlib.sha1(b"\x99" + len(body).to_bytes(2, "big") + body).hexdigest().upper()


def parse_public_keys(text):
    """The keys in an armored key file, each with its subkeys."""
    keys = []
    for block in dearmor(text):
        primary, subkeys = None, []
        for tag, body in _packets(block):
            if tag == PUBLIC_KEY:
                if primary:
                    keys.append(PublicKey(primary, tuple(subkeys)))
                primary, subkeys = _fingerprint(body), []
            elif tag == PUBLIC_SUBKEY and primary:
                subkeys.append(_fingerprint(body))
        if primary:
            keys.append(PublicKey(primary, tuple(subkeys)))
    if not keys:
        raise KeyFormatError("no public key packet found")
    return keys

"""OpenPGP public keys, read in pure Python: a key's fingerprint decides whether we trust it,
and nothing reaches rpm's keyring before that decision (no `-y` auto-import, ever).

`parse_certificates` keeps every packet of each key (RFC 4880 section 11.1: the primary key,
its user IDs and subkeys, each followed by its signatures), so `migrate.trust` can check the
signatures and write out exactly the packets it trusts."""
import base64
import binascii
import hashlib
from typing import List, NamedTuple, Tuple

SIGNATURE, PUBLIC_KEY, USER_ID, PUBLIC_SUBKEY = 2, 6, 13, 14
USER_ATTRIBUTE = 17
ARMOR_HEAD = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
ARMOR_TAIL = "-----END PGP PUBLIC KEY BLOCK-----"


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


class Packet(NamedTuple):
    tag: int
    body: bytes


class Component(NamedTuple):
    """A user ID or a subkey, with the signatures that follow it in the file."""
    packet: Packet
    signatures: Tuple[Packet, ...]


class Certificate(NamedTuple):
    """One primary key as a key file carries it."""
    primary: Packet
    direct: Tuple[Packet, ...]  # signatures right after the primary key (revocations, direct-key)
    user_ids: Tuple[Component, ...]
    subkeys: Tuple[Component, ...]

    @property
    def fingerprint(self):
        return fingerprint(self.primary.body)


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


def _crc24(data):
    """The armor checksum (RFC 4880 section 6.1)."""
    crc = 0xB704CE
    for byte in bytearray(data):
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def armor(data):
    """One PUBLIC KEY BLOCK holding the packets in data."""
    text = base64.b64encode(data).decode("ascii")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    checksum = base64.b64encode(_crc24(data).to_bytes(3, "big")).decode("ascii")
    return "\n".join([ARMOR_HEAD, ""] + lines + ["=" + checksum, ARMOR_TAIL]) + "\n"


def encode_packet(packet):
    """A packet in the new format (RFC 4880 section 4.2.2), five-octet length."""
    return (bytes([0xC0 | packet.tag, 0xFF]) + len(packet.body).to_bytes(4, "big")
            + packet.body)


def _packets(data):
    """(tag, body) for each OpenPGP packet (RFC 4880 section 4.2)."""
    pos = 0
    while pos < len(data):
        first = data[pos]
        if not first & 0x80:
            raise KeyFormatError("not an OpenPGP packet at offset %d" % pos)
        if first & 0x40:  # new format
            tag = first & 0x3F
            if pos + 1 >= len(data):
                raise KeyFormatError("truncated packet")
            octet = data[pos + 1]
            if octet < 192:
                length, pos = octet, pos + 2
            elif octet < 224:
                if pos + 2 >= len(data):
                    raise KeyFormatError("truncated packet")
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
        yield Packet(tag, data[pos:pos + length])
        pos += length


def fingerprint(body):
    """40 hex digits of a version 4 key; a version 6 key (RFC 9580, post-quantum keys in
    newer vendor files) gets its 64-digit one, which never matches a pin."""
    if body and body[0] == 6:
        return hashlib.sha256(b"\x9b" + len(body).to_bytes(4, "big") + body).hexdigest().upper()
    if not body or body[0] != 4:
        raise KeyFormatError("only version 4 keys are supported (got version %r)" % (body[:1],))
    return hashlib.sha1(b"\x99" + len(body).to_bytes(2, "big") + body).hexdigest().upper()



def parse_certificates(text):
    """Every key in an armored key file, packet by packet. Packets of kinds a public key
    does not hold (trust, markers, photos' attributes) are skipped."""
    certificates = []  # type: List[Certificate]
    for block in dearmor(text):
        current = None  # [primary, direct, user_ids, subkeys]
        target = None  # the signature list the next signature belongs to
        for packet in _packets(block):
            if packet.tag == PUBLIC_KEY:
                if current:
                    certificates.append(_certificate(current))
                fingerprint(packet.body)  # refuses v3 and v5 keys; v6 ones are only named
                current = [packet, [], [], []]
                target = current[1]
            elif current is None:
                continue
            elif packet.tag in (USER_ID, USER_ATTRIBUTE, PUBLIC_SUBKEY):
                component = (packet, [])
                current[3 if packet.tag == PUBLIC_SUBKEY else 2].append(component)
                target = component[1]
            elif packet.tag == SIGNATURE:
                target.append(packet)
        if current:
            certificates.append(_certificate(current))
    if not certificates:
        raise KeyFormatError("no public key packet found")
    return certificates


def _certificate(parts):
    primary, direct, user_ids, subkeys = parts
    return Certificate(primary, tuple(direct),
                       tuple(Component(p, tuple(s)) for p, s in user_ids),
                       tuple(Component(p, tuple(s)) for p, s in subkeys))


def parse_public_keys(text):
    """The keys in an armored key file, each with every subkey it carries (unchecked: only
    `migrate.trust` says which subkeys count)."""
    keys = []
    for cert in parse_certificates(text):
        subkeys = []
        for component in cert.subkeys:
            try:
                subkeys.append(fingerprint(component.packet.body))
            except KeyFormatError:
                continue
        keys.append(PublicKey(cert.fingerprint, tuple(subkeys)))
    return keys

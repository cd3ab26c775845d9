"""Key-file signatures checked in pure Python, against the real AlmaLinux key files
(tests/fixtures/real/keys) and a gpg-made Ed25519 key (tests/fixtures/keys/ed25519.asc)."""
import io
import os

from migrate import keysig
from migrate.keys import parse_certificates
from tests.factories import FIXTURES

ALMA8_2021_CREATED = 1610451214  # 2021-01-12
THREE_YEARS = 94608000


def certificates(*parts):
    with io.open(os.path.join(FIXTURES, *parts), encoding="ascii") as handle:
        return parse_certificates(handle.read())


def signature(packet):
    return keysig.parse_signature(packet.body)


def test_subkey_binding_signature_checks_rsa_pkcs1():
    cert = certificates("real", "keys", "RPM-GPG-KEY-AlmaLinux-8")[0]
    sig = signature(cert.subkeys[0].signatures[0])
    assert sig.sig_type == keysig.SUBKEY_BINDING and sig.hash_algorithm == 2  # SHA-1
    assert keysig.verify(sig, cert.primary.body, cert.subkeys[0].packet)
    assert not keysig.verify(sig, cert.primary.body, cert.user_ids[0].packet)


def test_the_2021_almalinux_8_key_expires_three_years_after_its_creation():
    cert = certificates("real", "keys", "RPM-GPG-KEY-AlmaLinux-8")[0]
    sig = signature(cert.user_ids[0].signatures[0])
    assert keysig.key_created(cert.primary.body) == ALMA8_2021_CREATED
    assert (sig.sig_type, sig.created, sig.key_expires_after, sig.flags) == (
        0x13, ALMA8_2021_CREATED, THREE_YEARS, 0x01)
    assert keysig.expiry(keysig.key_created(cert.primary.body), sig) == ALMA8_2021_CREATED + THREE_YEARS
    assert keysig.verify(sig, cert.primary.body, cert.user_ids[0].packet)


def test_the_almalinux_9_key_never_expires_and_its_subkey_cannot_sign():
    (cert,) = certificates("real", "keys", "RPM-GPG-KEY-AlmaLinux-9")
    self_sig = signature(cert.user_ids[0].signatures[0])
    binding = signature(cert.subkeys[0].signatures[0])
    assert keysig.expiry(keysig.key_created(cert.primary.body), self_sig) is None
    assert binding.flags == 0x0C and not binding.flags & keysig.SIGN_FLAG  # encryption only
    assert keysig.verify(binding, cert.primary.body, cert.subkeys[0].packet)


def test_a_flipped_bit_in_the_signed_part_fails_the_check():
    cert = certificates("real", "keys", "RPM-GPG-KEY-AlmaLinux-9")[0]
    sig = signature(cert.user_ids[0].signatures[0])
    user_id = (cert.user_ids[0].packet.tag, cert.user_ids[0].packet.body + b"x")
    assert not keysig.verify(sig, cert.primary.body, user_id)
    assert not keysig.verify(sig._replace(mpis=(sig.mpis[0] ^ 1,)), cert.primary.body, cert.user_ids[0].packet)


def test_a_signature_by_another_key_fails_the_check():
    alma9 = certificates("real", "keys", "RPM-GPG-KEY-AlmaLinux-9")[0]
    rocky9 = certificates("real", "keys", "RPM-GPG-KEY-Rocky-9")[0]
    sig = signature(alma9.user_ids[0].signatures[0])
    assert not keysig.verify(sig, rocky9.primary.body, alma9.user_ids[0].packet)


def test_ed25519_binding_verifies_and_rsa_helpers_refuse_the_key():
    cert = certificates("keys", "ed25519.asc")[0]
    sig = signature(cert.subkeys[0].signatures[0])
    assert (sig.algorithm, sig.hash_algorithm) == (keysig.EDDSA, 8)
    assert keysig.rsa_public(cert.primary.body) is None
    assert len(keysig.ed25519_public(cert.primary.body)) == 32 and keysig.checkable(cert.primary.body)
    assert keysig.verify(sig, cert.primary.body, cert.subkeys[0].packet)


def test_other_signature_versions_and_unknown_hashes_are_never_trusted():
    cert = certificates("real", "keys", "RPM-GPG-KEY-AlmaLinux-9")[0]
    body = cert.user_ids[0].signatures[0].body
    assert keysig.parse_signature(b"\x03" + body[1:]) is None
    sig = keysig.parse_signature(body)
    assert not keysig.verify(sig._replace(hash_algorithm=1), cert.primary.body, cert.user_ids[0].packet)  # MD5
    assert not keysig.verify(None, cert.primary.body)


def test_newest_takes_the_latest_creation_time():
    cert = certificates("real", "keys", "RPM-GPG-KEY-AlmaLinux-8")[0]
    user_id_sig = signature(cert.user_ids[0].signatures[0])
    binding = signature(cert.subkeys[0].signatures[0])  # made 184 seconds later
    assert keysig.newest([binding, user_id_sig]) is binding
    assert keysig.newest([user_id_sig, binding]) is binding
    assert keysig.newest([]) is None

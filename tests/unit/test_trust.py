"""The trust model against the real AlmaLinux key files (tests/fixtures/real/keys, see its
README) and a gpg-made key with signing, revoked, encryption-only and expired subkeys."""
import calendar
import io
import os
import shutil
import subprocess
import tempfile

import pytest

from migrate.config import Options
from migrate.keys import armor, dearmor, encode_packet, parse_certificates, parse_public_keys
from migrate.profiles import PROFILES_DIR, pinned_key_text
from migrate.trust import Trust, admitted, journal_trust, keyids, origin_keys
from migrate.verify.leftovers import find_leftovers
from tests.factories import FIXTURES, package, profiles

REAL = os.path.join(FIXTURES, "real", "keys")
ALMA8_2021 = "5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8"
ALMA8_2021_SUBKEY = "E53CF5EF91CEB0AD1812ECB851D6647EC21AD6EA"
ALMA8_2023 = "BC5EDDCADF502C077F1582882AE81E8ACED7258B"
ALMA9 = "BF18AC2876178908D6E71267D36CB86CB86B3716"
ALMA10 = "EE6DB7B98F5BF5EDD9DA0DE5DEE5C11CC2A1E572"
SUBKEYS_PRIMARY = "49C3B666A9CC07CEEC68CC2168DFF3A354002F6E"
IN_2023 = calendar.timegm((2023, 6, 1, 0, 0, 0))
IN_2025 = calendar.timegm((2025, 6, 1, 0, 0, 0))


def _read(*parts):
    with io.open(os.path.join(*parts), encoding="ascii") as handle:
        return handle.read()


def real(name):
    return _read(REAL, name)


@pytest.mark.parametrize("major,pins", [
    (8, [ALMA8_2021, ALMA8_2023]),
    (9, [ALMA9]),
    (10, [ALMA10]),
])
def test_pins_are_the_primaries_of_the_real_key_files(major, pins):
    target = profiles().target_for(major)
    in_file = [k.fingerprint for k in parse_public_keys(real(target.key_file))]
    assert target.fingerprints == pins == in_file


@pytest.mark.parametrize("major", [8, 9, 10])
def test_shipped_key_file_is_the_real_one(major):
    target = profiles().target_for(major)
    assert pinned_key_text(target) == real(target.key_file)
    assert _read(PROFILES_DIR, "keys", target.key_file) == real(target.key_file)


def test_almalinux_8_2021_key_brings_its_bound_signing_subkey():
    keys = Trust([ALMA8_2021, ALMA8_2023]).select(real("RPM-GPG-KEY-AlmaLinux-8")).trusted
    by_fingerprint = dict((k.fingerprint, k) for k in keys)
    assert [s.fingerprint for s in by_fingerprint[ALMA8_2021].subkeys] == [ALMA8_2021_SUBKEY]
    assert by_fingerprint[ALMA8_2023].subkeys == ()
    assert keyids(keys) == {"488fcf7c3abb34f8", "51d6647ec21ad6ea", "2ae81e8aced7258b"}


def test_almalinux_8_2021_key_expired_on_2024_01_12():
    key = Trust([ALMA8_2021]).select(real("RPM-GPG-KEY-AlmaLinux-8")).trusted[0]
    assert key.expires == calendar.timegm((2024, 1, 12, 11, 33, 34))
    assert key.subkeys[0].expires == calendar.timegm((2024, 1, 12, 11, 36, 38))


def test_expired_key_admits_nothing_into_a_conversion():
    keys = Trust([ALMA8_2021, ALMA8_2023]).select(real("RPM-GPG-KEY-AlmaLinux-8")).trusted
    assert [k.fingerprint for k in admitted(keys, IN_2025)] == [ALMA8_2023]
    assert keyids(admitted(keys, IN_2025)) == {"2ae81e8aced7258b"}
    before = admitted(keys, IN_2023)
    assert "51d6647ec21ad6ea" in keyids(before)


def test_expired_key_still_proves_the_origin_of_installed_packages():
    """AlmaLinux 8.9's packages are signed by the 2021 subkey: rpm prints 'Key ID 51d6647ec21ad6ea'."""
    target = profiles().target_for(8)
    known = origin_keys(Trust(target.fingerprints), target)
    installed = [package("bash", vendor="AlmaLinux", keyid="51d6647ec21ad6ea"),
                 package("glibc", vendor="AlmaLinux", keyid="2ae81e8aced7258b"),
                 package("rogue", vendor="AlmaLinux", keyid="0123456789abcdef")]
    left = find_leftovers(installed, keyids(known), ["Rocky Enterprise Software Foundation"])
    assert [entry["name"] for entry in left] == ["rogue"]


def test_written_key_keeps_only_trusted_packets():
    key = Trust([ALMA9]).select(real("RPM-GPG-KEY-AlmaLinux-9")).trusted[0]
    cert = parse_certificates(key.armored)[0]
    assert cert.fingerprint == ALMA9
    assert cert.subkeys == ()  # AlmaLinux 9's subkey is for encryption only
    assert [c.packet.body for c in cert.user_ids] == [b"AlmaLinux OS 9 <packager@almalinux.org>"]


def test_subkey_attached_without_a_binding_by_its_primary_is_ignored():
    """The 2021 AlmaLinux 8 subkey with its real binding, appended to the AlmaLinux 9 primary:
    the binding was made by another primary, so it does not verify (CVE-2021-3521)."""
    alma8 = parse_certificates(real("RPM-GPG-KEY-AlmaLinux-8"))[0]
    alma9 = dearmor(real("RPM-GPG-KEY-AlmaLinux-9"))[0]
    stolen = alma8.subkeys[0]
    forged = alma9 + encode_packet(stolen.packet) + b"".join(encode_packet(s) for s in stolen.signatures)
    key = Trust([ALMA9]).select(armor(forged)).trusted[0]
    assert key.subkeys == ()
    assert parse_public_keys(armor(forged))[0].subkey_fingerprints[-1] == ALMA8_2021_SUBKEY


def test_binding_with_a_flipped_bit_is_ignored():
    cert = parse_certificates(real("RPM-GPG-KEY-AlmaLinux-8"))[0]
    binding = bytearray(cert.subkeys[0].signatures[0].body)
    binding[-5] ^= 0x01  # inside the RSA signature value
    tampered = encode_packet(cert.primary) + b"".join(
        encode_packet(c.packet) + b"".join(encode_packet(s) for s in c.signatures) for c in cert.user_ids)
    tampered += encode_packet(cert.subkeys[0].packet) + encode_packet(cert.subkeys[0].signatures[0]._replace(body=bytes(binding)))
    key = Trust([ALMA8_2021]).select(armor(tampered)).trusted[0]
    assert key.subkeys == ()


def test_signing_subkeys_only_revoked_and_encryption_subkeys_dropped():
    key = Trust([SUBKEYS_PRIMARY]).select(_read(FIXTURES, "keys", "subkeys.asc")).trusted[0]
    assert [s.fingerprint for s in key.subkeys] == ["BB57D7779D77724A365EC95E32F7AE216E976140",
                                                    "E5F5077431E89592F5607725B24B558FAB446422"]
    assert key.subkeys[1].expires == 1796531577
    now = 1796531600
    assert [s.fingerprint for s in admitted([key], now)[0].subkeys] == ["BB57D7779D77724A365EC95E32F7AE216E976140"]


@pytest.mark.skipif(shutil.which("gpg") is None, reason="needs gpg")
def test_written_keys_are_read_by_gpg():
    keys = Trust([ALMA8_2021, ALMA8_2023]).select(real("RPM-GPG-KEY-AlmaLinux-8")).trusted
    home = tempfile.mkdtemp()
    try:
        listing = subprocess.run(
            ["gpg", "--homedir", home, "--batch", "--with-colons", "--import-options", "show-only",
             "--import"], input="".join(k.armored for k in keys), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, universal_newlines=True).stdout
    finally:
        shutil.rmtree(home)
    fprs = [line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:")]
    assert fprs == [ALMA8_2021, ALMA8_2021_SUBKEY, ALMA8_2023]



def _already_converted(release_keyid):
    from migrate.checks.already_converted import AlreadyConverted
    from migrate.checks.base import CheckInput
    from migrate.facts.model import OsRelease
    from tests.factories import make_facts, situation

    facts = make_facts(os_release=OsRelease("almalinux", "AlmaLinux", "8.9", ""),
                       packages=(package("almalinux-release", "8.9", arch="noarch", vendor="AlmaLinux",
                                         keyid=release_keyid),),
                       release_packages=("almalinux-release",))
    facts, source, target, options = situation(facts)
    known = origin_keys(Trust.for_target(target.profile, options), target.profile)
    given = CheckInput(source, target, options, origin_keyids=frozenset(keyids(known)))
    return AlreadyConverted().evaluate(facts, given)


def test_already_converted_almalinux_8_9_is_proven_by_the_expired_key():
    problem = _already_converted("51d6647ec21ad6ea")
    assert problem.data == {"release_signed_by_trusted_key": True}


def test_already_converted_with_a_release_package_of_another_key_says_so():
    problem = _already_converted("0123456789abcdef")
    assert problem.data == {"release_signed_by_trusted_key": False}
    assert "0123456789abcdef" in problem.detail


def test_a_version_6_key_in_the_file_is_named_and_ignored():
    """Red Hat's EL10 file also carries a post-quantum version 6 key (RFC 9580)."""
    selection = Trust(["567E347AD0044ADE55BA8A5F199E2F91FD431D51"]).select(real("RPM-GPG-KEY-redhat10-release"))
    assert [k.fingerprint for k in selection.trusted] == ["567E347AD0044ADE55BA8A5F199E2F91FD431D51"]
    assert sorted(len(k.fingerprint) for k in selection.ignored) == [40, 64]


@pytest.mark.parametrize("name", sorted(os.listdir(REAL)))
def test_every_real_vendor_key_file_reads_and_keeps_a_user_id(name):
    """Each primary in the corpus is kept with a user ID (rpm names the key by it): RSA ones
    with their verified self-signatures, Red Hat's old DSA key with its unchecked ones."""
    fingerprints = [k.fingerprint for k in parse_public_keys(real(name)) if len(k.fingerprint) == 40]
    keys = Trust(fingerprints).select(real(name)).trusted
    assert [k.fingerprint for k in keys] == fingerprints
    assert all(parse_certificates(k.armored)[0].user_ids for k in keys)


def test_damaged_key_files_are_key_format_errors_or_read_never_a_crash():
    """Deterministic byte flips, cuts and insertions in the real AlmaLinux 8 file."""
    import random
    from migrate.keys import KeyFormatError

    data = b"".join(dearmor(real("RPM-GPG-KEY-AlmaLinux-8")))
    trust = Trust([ALMA8_2021, ALMA8_2023])
    rng = random.Random(11)
    outcomes = set()
    for _ in range(300):
        damaged = bytearray(data)
        cut = rng.randrange(len(damaged))
        kind = rng.randrange(3)
        if kind == 0:
            damaged[cut] = rng.randrange(256)
        elif kind == 1:
            del damaged[cut:]
        else:
            damaged[cut:cut] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20)))
        try:
            trust.select(armor(bytes(damaged)))
            outcomes.add("read")
        except KeyFormatError:
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}


ED25519_PRIMARY = "58874DE55DDE425391D6EB267BDCFAAD68CCD786"


def test_ed25519_signing_subkey_binding_verifies():
    key = Trust([ED25519_PRIMARY]).select(_read(FIXTURES, "keys", "ed25519.asc")).trusted[0]
    assert [s.fingerprint for s in key.subkeys] == ["A41518D6E0DE6F220B8ABCDD193BB10EAE178BEC"]
    assert [c.packet.body for c in parse_certificates(key.armored)[0].user_ids] == [
        b"Ed25519 Test Key <ed25519@example.invalid>"]


def test_ed25519_binding_with_a_flipped_bit_is_ignored():
    cert = parse_certificates(_read(FIXTURES, "keys", "ed25519.asc"))[0]
    sub = cert.subkeys[0]
    binding = bytearray(sub.signatures[0].body)
    binding[-3] ^= 0x01  # inside S
    data = encode_packet(cert.primary) + b"".join(
        encode_packet(c.packet) + b"".join(encode_packet(s) for s in c.signatures) for c in cert.user_ids)
    data += encode_packet(sub.packet) + encode_packet(sub.signatures[0]._replace(body=bytes(binding)))
    assert Trust([ED25519_PRIMARY]).select(armor(data)).trusted[0].subkeys == ()


def test_a_copy_without_the_expiry_does_not_bring_an_expired_key_back():
    """The 2021 AlmaLinux 8 key served with its self-signature stripped has no known expiry;
    the copy shipped with the tool still says it expired."""
    cert = parse_certificates(real("RPM-GPG-KEY-AlmaLinux-8"))[0]
    stripped = encode_packet(cert.primary) + b"".join(encode_packet(c.packet) for c in cert.user_ids)
    stripped += encode_packet(cert.subkeys[0].packet) + b"".join(encode_packet(s) for s in cert.subkeys[0].signatures)
    served = Trust([ALMA8_2021]).select(armor(stripped)).trusted
    assert served[0].expires is None and [s.fingerprint for s in served[0].subkeys] == [ALMA8_2021_SUBKEY]
    target = profiles().target_for(8)
    shipped = origin_keys(Trust(target.fingerprints), target)
    assert admitted(served, IN_2025) != ()
    assert admitted(served, IN_2025, shipped) == ()


# -- what a run's journal may bring back into trust (resume, rollback, verify) ----------------

ROGUE = "0123456789ABCDEF0123456789ABCDEF01234567"
CONFIGURED = "89ABCDEF0123456789ABCDEF0123456789ABCDEF"


def test_under_root_a_journal_keeps_only_its_pinned_and_configured_keys():
    alma9 = profiles().target_for(9)
    options = Options(extra_fingerprints=(CONFIGURED,))
    recorded = [ALMA9, ROGUE.lower(), CONFIGURED]
    result = journal_trust(recorded, alma9, options, live=False)
    assert result.trust.fingerprints == frozenset([ALMA9, CONFIGURED])
    assert result.ignored == (ROGUE,)
    nothing_configured = journal_trust(recorded, alma9, Options(), live=False)
    assert (nothing_configured.trust.fingerprints, nothing_configured.ignored) == (frozenset([ALMA9]),
                                                                                 tuple(sorted([ROGUE, CONFIGURED])))


def test_under_root_a_journal_never_adds_a_key_for_a_target_without_a_profile():
    result = journal_trust([ROGUE], None, Options(), live=False)
    assert (result.trust.fingerprints, result.ignored) == (frozenset(), (ROGUE,))


def test_on_the_live_host_the_journal_is_the_machines_own_and_trusted():
    result = journal_trust([ALMA9, ROGUE], profiles().target_for(9), Options(), live=True)
    assert (result.trust.fingerprints, result.ignored) == (frozenset([ALMA9, ROGUE]), ())
    empty = journal_trust(None, None, Options(), live=False)  # a journal from before the field
    assert (empty.trust.fingerprints, empty.ignored) == (frozenset(), ())

"""Ed25519 verification against RFC 8032 section 7.1's test vectors (TEST 1 and TEST 2)."""
from migrate.ed25519 import verify

TEST_1 = (bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), b"",
          bytes.fromhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                        "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))
TEST_2 = (bytes.fromhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"), b"\x72",
          bytes.fromhex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"))


def test_the_rfc_vectors_verify():
    assert verify(*TEST_1) is True
    assert verify(*TEST_2) is True


def test_another_message_key_or_signature_does_not():
    public, message, signature = TEST_2
    assert verify(public, b"\x73", signature) is False
    assert verify(TEST_1[0], message, signature) is False
    flipped = signature[:40] + bytes([signature[40] ^ 1]) + signature[41:]
    assert verify(public, message, flipped) is False


def test_malformed_input_is_refused_not_raised():
    public, message, signature = TEST_1
    assert verify(public[:31], message, signature) is False
    assert verify(public, message, signature[:63]) is False
    too_big_s = signature[:32] + b"\xff" * 32  # S must be below the group order
    assert verify(public, message, too_big_s) is False

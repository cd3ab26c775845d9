import os

import pytest

from migrate.keys import KeyFormatError, parse_public_keys
from tests.factories import FIXTURES


def _fixture(name):
    with open(os.path.join(FIXTURES, "keys", name)) as handle:
        return handle.read()


def test_fingerprint_matches_gpg():
    keys = parse_public_keys(_fixture("test-key.asc"))
    assert [k.fingerprint for k in keys] == [_fixture("test-key.fingerprint").strip()]
    assert keys[0].keyid == _fixture("test-key.fingerprint").strip()[-16:].lower()


def test_two_blocks_in_one_file_give_two_keys():
    text = _fixture("test-key.asc")
    assert len(parse_public_keys(text + "\n" + text)) == 2


def test_garbage_is_a_key_format_error():
    with pytest.raises(KeyFormatError):
        parse_public_keys("<html>404 not found</html>")


def test_truncated_block_is_a_key_format_error():
    lines = _fixture("test-key.asc").splitlines()
    broken = "\n".join(lines[:6] + lines[-1:])
    with pytest.raises(KeyFormatError):
        parse_public_keys(broken)

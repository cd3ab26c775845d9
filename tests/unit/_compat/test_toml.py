"""One TOML reader on 3.6 (tomli) and 3.11+ (tomllib), with one error type."""
import pytest

from migrate._compat import toml


def test_a_profile_shaped_document_reads_as_nested_dicts():
    text = 'id = "rocky"\nmajors = [8, 9]\n[by_major.8]\nrelease_packages = ["rocky-release"]\n'
    assert toml.loads(text) == {"id": "rocky", "majors": [8, 9],
                                "by_major": {"8": {"release_packages": ["rocky-release"]}}}


def test_broken_text_raises_the_one_decode_error_with_its_line():
    with pytest.raises(toml.TOMLDecodeError) as caught:
        toml.loads('id = "rocky"\nmajors = 8 9\n')
    assert "line 2, column 12" in str(caught.value)
    assert issubclass(toml.TOMLDecodeError, ValueError)

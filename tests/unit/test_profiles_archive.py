"""Profiles load from inside a zip archive behind an sh preamble (the one-file build)."""
import io
import os
import zipfile

import pytest

from migrate.errors import ProfileError
from migrate.profiles import PROFILES_DIR, load_profiles

PREAMBLE = b"#!/bin/sh\nexec /usr/bin/python3 \"$0\" \"$@\"\n"


def make_archive(tmp_path, members):
    """tool.pyz: PREAMBLE, then a zip holding members {name: text}."""
    body = io.BytesIO()
    with zipfile.ZipFile(body, "w") as zipped:
        for name, text in members.items():
            zipped.writestr(name, text)
    path = tmp_path / "tool.pyz"
    path.write_bytes(PREAMBLE + body.getvalue())
    return str(path)


def checkout_profiles():
    members = {}
    for sub in ("sources", "targets"):
        for name in os.listdir(os.path.join(PROFILES_DIR, sub)):
            with open(os.path.join(PROFILES_DIR, sub, name), encoding="utf-8") as handle:
                members["migrate/_profiles/%s/%s" % (sub, name)] = handle.read()
    return members


def test_profiles_load_from_inside_the_archive(tmp_path):
    members = dict(checkout_profiles(), **{"migrate/_profiles/sources/README": "not a profile",
                                           "migrate/_profiles/sources/old/x.toml": "not read"})
    archive = make_archive(tmp_path, members)
    packed = load_profiles(os.path.join(archive, "migrate", "_profiles"))
    checkout = load_profiles(PROFILES_DIR)
    assert [p.id for p in packed.sources] == [p.id for p in checkout.sources]
    assert sorted(packed.targets) == sorted(checkout.targets)
    assert packed.target_for(9).fingerprints == checkout.target_for(9).fingerprints
    assert packed.sources[0].path.startswith(os.path.join(archive, "migrate", "_profiles", "sources") + os.sep)


def test_a_missing_folder_in_the_archive_is_named(tmp_path):
    sources_only = dict((k, v) for k, v in checkout_profiles().items() if "/sources/" in k)
    archive = make_archive(tmp_path, sources_only)
    with pytest.raises(ProfileError, match="targets: profile folder missing"):
        load_profiles(os.path.join(archive, "migrate", "_profiles"))


def test_pinned_key_files_read_from_inside_the_archive(tmp_path):
    from migrate.profiles import pinned_key_text

    members = checkout_profiles()
    for name in os.listdir(os.path.join(PROFILES_DIR, "keys")):
        with open(os.path.join(PROFILES_DIR, "keys", name), encoding="ascii") as handle:
            members["migrate/_profiles/keys/" + name] = handle.read()
    folder = os.path.join(make_archive(tmp_path, members), "migrate", "_profiles")
    packed, checkout = load_profiles(folder), load_profiles(PROFILES_DIR)
    for major in (8, 9, 10):
        text = pinned_key_text(packed.target_for(major), folder)
        assert text and text == pinned_key_text(checkout.target_for(major), PROFILES_DIR)

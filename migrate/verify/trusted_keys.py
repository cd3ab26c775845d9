"""Which keys prove that an installed package is AlmaLinux's, for `verify`: the pinned and
configured fingerprints, plus those the conversion's journal trusted (under --root, where the
journal is the image's, none besides those: migrate.trust.journal_trust), each with the signing
subkeys a copy of it binds. Copies come from the real key file shipped with the tool, the
rpmdb's gpg-pubkeys and the run's saved keys. Expired keys count here: they signed what is
installed. Any other gpg-pubkey in the rpmdb is named (UNTRUSTED_KEYS_IN_RPMDB)."""
from typing import NamedTuple, Tuple

from migrate.keys import KeyFormatError, parse_public_keys
from migrate.layout import KEYS_DIR
from migrate.trust import Trust, journal_trust, keyids, origin_keys, saved_key_texts


class VerifyKeys(NamedTuple):
    keys: Tuple[object, ...]  # migrate.trust.TrustedKey
    untrusted: Tuple[object, ...]  # RpmdbKey records of keys nobody pinned or configured
    ignored: Tuple[str, ...] = ()  # fingerprints an image's journal named (migrate.trust.journal_trust)

    @property
    def keyids(self):
        return keyids(self.keys)


def _primary(text):
    try:
        return parse_public_keys(text)[0].fingerprint
    except (KeyFormatError, IndexError):
        return None


def collect_verify_keys(root, facts, profile, options, journal=None):
    recorded = journal_trust(journal.data["target"].get("trusted_fingerprints") if journal else (),
                             profile, options, root.is_live)  # the keys the conversion itself trusted
    trust = Trust(list(profile.fingerprints) + list(options.extra_fingerprints)
                  + sorted(recorded.trust.fingerprints))
    rpmdb = facts.rpmdb_keys
    keys = origin_keys(trust, profile, [k.text for k in rpmdb] + saved_key_texts(root.join(KEYS_DIR)))
    untrusted = tuple(k for k in rpmdb if _primary(k.text) not in trust.fingerprints)
    return VerifyKeys(keys, untrusted, recorded.ignored)

"""Which keys prove an installed package AlmaLinux's for `verify`, from the real key files
(tests/fixtures/real/keys): pinned ones, configured ones and those the live host's conversion
trusted."""
import io
import os

from migrate.config import Options
from migrate.facts.model import RpmdbKey
from migrate.journal import Journal
from migrate.root import Root
from migrate.verify.trusted_keys import collect_verify_keys
from tests.factories import FIXTURES, make_facts, profiles
from tests.kit import LiveRoot

ROCKY9 = "21CB256AE16FC54C6E652949702D426D350D275D"


def real(name):
    with io.open(os.path.join(FIXTURES, "real", "keys", name), encoding="ascii") as handle:
        return handle.read()


RPMDB = (RpmdbKey("gpg-pubkey-3abb34f8-5ffd890e", "gpg(AlmaLinux <packager@almalinux.org>)",
                  real("RPM-GPG-KEY-AlmaLinux-8")),
         RpmdbKey("gpg-pubkey-350d275d-6279464b", "gpg(Rocky)", real("RPM-GPG-KEY-Rocky-9")),
         RpmdbKey("gpg-pubkey-00000000-00000000", "gpg(broken)", "not a key"))


def test_verify_keys_name_untrusted_rpmdb_keys_and_prove_origin_with_subkeys(tmp_path):
    target = profiles().target_for(8)
    keys = collect_verify_keys(Root(str(tmp_path)), make_facts(rpmdb_keys=RPMDB), target, Options())
    assert [k.name for k in keys.untrusted] == ["gpg-pubkey-350d275d-6279464b", "gpg-pubkey-00000000-00000000"]
    assert {"488fcf7c3abb34f8", "51d6647ec21ad6ea", "2ae81e8aced7258b"} == keys.keyids


def test_a_key_the_configuration_or_the_live_hosts_journal_trusted_is_no_stranger(tmp_path):
    target = profiles().target_for(8)
    live = LiveRoot(str(tmp_path))
    journal = Journal.start(live, "run", {}, {}, {"trusted_fingerprints": [ROCKY9]}, [])
    by_journal = collect_verify_keys(live, make_facts(rpmdb_keys=RPMDB), target, Options(), journal)
    by_config = collect_verify_keys(Root(str(tmp_path)), make_facts(rpmdb_keys=RPMDB), target,
                                    Options(extra_fingerprints=[ROCKY9]))
    for keys in (by_journal, by_config):
        assert [k.name for k in keys.untrusted] == ["gpg-pubkey-00000000-00000000"]
        assert "702d426d350d275d" in keys.keyids and keys.ignored == ()


def test_under_root_the_images_journal_adds_no_key(tmp_path):
    """An image's journal is the image's: a key only it names is ignored, and said so."""
    root = Root(str(tmp_path))
    journal = Journal.start(root, "run", {}, {}, {"trusted_fingerprints": [ROCKY9]}, [])
    keys = collect_verify_keys(root, make_facts(rpmdb_keys=RPMDB), profiles().target_for(8), Options(), journal)
    assert [k.name for k in keys.untrusted] == ["gpg-pubkey-350d275d-6279464b", "gpg-pubkey-00000000-00000000"]
    assert keys.ignored == (ROCKY9,) and "702d426d350d275d" not in keys.keyids

import os
import socket

import pytest

from migrate.context import Context, host_name
from migrate.layout import DNF_CACHE, KEYRING_DIR, STATE_DIR
from migrate.root import Root
from migrate.trust import TrustedKey
from tests.kit import LiveRoot, Recorder

ALMA = TrustedKey("BF18AC2876178908D6E71267D36CB86CB86B3716", None, False, "AlmaLinux", b"", ())
OLD_ALMA = TrustedKey("5E9B8F5617B5066CE92057C3488FCF7C3ABB34F8", 1705059214, False, "AlmaLinux", b"", ())
REVOKED = TrustedKey("21CB256AE16FC54C6E652949702D426D350D275D", None, True, "Rocky", b"", ())


def _context(tmp_path):
    return Context(Root(str(tmp_path)), None, None, None, Recorder(), Recorder())


def test_progress_never_goes_back_within_a_step_and_carries_overall_percent(tmp_path):
    ctx = _context(tmp_path)
    ctx.step_position = (2, 4)
    for done in (1, 5, 3, 10, 12):
        ctx.progress("DISTRO_SYNC", done, 10, "transaction items")
    events = [kwargs for _, _, kwargs in ctx.events.calls]
    assert [e["done"] for e in events] == [1, 5, 5, 10, 10]
    assert events[0]["percent"] == 27.5 and events[-1]["percent"] == 50.0
    ctx.progress("OTHER", 1, 10, "items")  # another step starts from its own zero
    assert ctx.events.calls[-1][2]["done"] == 1


def test_progress_tells_the_terminal_too_and_without_a_step_position_no_percent(tmp_path):
    ctx = _context(tmp_path)
    ctx.progress("DOWNLOAD_PACKAGES", 3, 6, "packages", current="bash-5.1.8-9.el9.x86_64.rpm")
    assert ctx.events.calls == [("emit", ("progress",), {"step": "DOWNLOAD_PACKAGES", "done": 3, "total": 6,
                                                         "unit": "packages", "percent": None})]
    assert ctx.ui.told("progress") == [("DOWNLOAD_PACKAGES", 3, 6, "packages", "bash-5.1.8-9.el9.x86_64.rpm")]


def test_state_paths_are_inside_the_root(tmp_path):
    ctx = _context(tmp_path)
    state = str(tmp_path) + STATE_DIR
    assert ctx.workdir == state
    assert ctx.state_path(DNF_CACHE, "baseos-1234", "packages") == state + "/dnf-cache/baseos-1234/packages"
    assert ctx.keyring_dir == str(tmp_path) + KEYRING_DIR


def test_one_key_file_per_trusted_key_and_every_unrevoked_key_proves_origin(tmp_path):
    ctx = _context(tmp_path)
    ctx.trusted_keys = (ALMA,)
    ctx.known_keys = (OLD_ALMA, REVOKED)
    assert ctx.key_files == [os.path.join(ctx.key_dir, ALMA.fingerprint + ".asc")]
    assert ctx.trusted_keyids == {"d36cb86cb86b3716", "488fcf7c3abb34f8"}  # the expired key too, not the revoked


def test_each_invocation_has_its_own_run_id(tmp_path):
    assert _context(tmp_path).run_id != _context(tmp_path).run_id


def test_closing_an_unsolved_transaction_is_harmless(tmp_path):
    ctx = _context(tmp_path)
    ctx.transaction.close()
    assert ctx.transaction.base is None and ctx.transaction.history_scratch is None


def test_hostname_under_root_is_the_images(tmp_path):
    (tmp_path / "etc").mkdir()
    assert host_name(Root(str(tmp_path))) is None
    (tmp_path / "etc" / "hostname").write_text("db7.example.org\n")
    assert host_name(Root(str(tmp_path))) == "db7.example.org"


def test_hostname_on_the_live_host_is_the_machines(tmp_path):
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "hostname").write_text("not-read.example.org\n")
    assert host_name(LiveRoot(str(tmp_path))) == socket.gethostname()


def test_services_are_fixed_and_replacing_them_drops_the_transaction(tmp_path):
    ctx = _context(tmp_path)
    with pytest.raises(AttributeError):
        ctx.options = "other"
    first = ctx.transaction
    ctx.services = ctx.services._replace(options="journal's")
    assert ctx.options == "journal's" and ctx.transaction is not first
    assert ctx.transaction.options == "journal's"

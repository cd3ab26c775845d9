"""The transaction runner's pure parts: the linear callback, history states from rpm's
elements, and the fallbacks for APIs that differ between rpm/dnf versions."""
import types

import pytest

from migrate.transaction import runner as R

T = types.SimpleNamespace(
    TransactionState_UNKNOWN=0, TransactionState_DONE=1, TransactionState_ERROR=2,
    TransactionItemState_UNKNOWN=0, TransactionItemState_DONE=1, TransactionItemState_ERROR=2,
    TransactionItemAction_INSTALL=1, TransactionItemAction_UPGRADE=3,
    TransactionItemAction_DOWNGRADED=10, TransactionItemAction_OBSOLETED=11,
    TransactionItemAction_REMOVE=12, TransactionItemAction_UPGRADED=13,
    TransactionItemAction_REINSTALLED=14)

RPM = types.SimpleNamespace(
    RPMCALLBACK_TRANS_START=1, RPMCALLBACK_ELEM_PROGRESS=2, RPMCALLBACK_INST_OPEN_FILE=3,
    RPMCALLBACK_INST_CLOSE_FILE=4, RPMCALLBACK_INST_STOP=5, RPMCALLBACK_UNINST_STOP=6,
    RPMCALLBACK_SCRIPT_ERROR=7, RPMCALLBACK_UNPACK_ERROR=8, RPMCALLBACK_CPIO_ERROR=9,
    RPMRC_OK=0, tagnames={1024: "%post", 1023: "%pre"})


class Element(object):
    def __init__(self, name, evr, arch, key=None, failed=False, epoch=None):
        version, release = evr.split("-")
        self.n, self.e, self.v, self.r, self.a = name, epoch, version, release, arch
        self.key, self.failed = key, failed

    def N(self):
        return self.n

    def E(self):
        return self.e

    def V(self):
        return self.v

    def R(self):
        return self.r

    def A(self):
        return self.a

    def Key(self):
        return self.key

    def Failed(self):
        return self.failed


class Item(object):
    def __init__(self, nevra, action, pkg=True):
        self.nevra, self.action, self.state = nevra, action, T.TransactionItemState_UNKNOWN
        if pkg:
            self.pkg = object()

    def __str__(self):
        return self.nevra


def test_te_nevra_spells_the_epoch_only_when_set():
    assert R.te_nevra(Element("zlib", "1.2-41.el9", "x86_64")) == "zlib-1.2-41.el9.x86_64"
    assert R.te_nevra(Element("zlib", "1.2-41.el9", "x86_64", epoch="0")) == "zlib-1.2-41.el9.x86_64"
    assert R.te_nevra(Element("bind", "9.16-1.el9", "x86_64", epoch="32")) == "bind-32:9.16-1.el9.x86_64"


def test_record_states_matches_keys_and_erased_elements_by_nevra():
    new = Item("zlib-1.2-41.el9.x86_64", T.TransactionItemAction_UPGRADE)
    old = Item("zlib-1.2-40.el9.x86_64", T.TransactionItemAction_UPGRADED)
    gone = Item("centos-release-9-1.el9.noarch", T.TransactionItemAction_REMOVE)
    broken = Item("tool-1-1.el9.x86_64", T.TransactionItemAction_INSTALL)
    elements = [Element("zlib", "1.2-41.el9", "x86_64", key=new),
                Element("zlib", "1.2-40.el9", "x86_64"),
                Element("centos-release", "9-1.el9", "noarch"),
                Element("tool", "1-1.el9", "x86_64", key=broken, failed=True)]
    failed = R.record_states(elements, [new, old, gone, broken], T)
    assert [new.state, old.state, gone.state] == [T.TransactionItemState_DONE] * 3
    assert broken.state == T.TransactionItemState_ERROR
    assert failed == ["tool-1-1.el9.x86_64"]


def test_record_states_gives_two_erased_copies_of_one_nevra_one_item_each():
    first = Item("dup-1-1.el9.x86_64", T.TransactionItemAction_REMOVE)
    second = Item("dup-1-1.el9.x86_64", T.TransactionItemAction_REINSTALLED)
    elements = [Element("dup", "1-1.el9", "x86_64"), Element("dup", "1-1.el9", "x86_64", failed=True)]
    assert R.record_states(elements, [first, second], T) == ["dup-1-1.el9.x86_64"]
    assert first.state == T.TransactionItemState_DONE
    assert second.state == T.TransactionItemState_ERROR


def test_module_state_is_saved_when_dnf_has_a_module_container():
    calls = []
    container = types.SimpleNamespace(save=lambda: calls.append("save"),
                                      updateFailSafeData=lambda: calls.append("failsafe"))
    assert R.save_module_state(types.SimpleNamespace(_moduleContainer=container)) is True
    assert calls == ["save", "failsafe"]
    assert R.save_module_state(types.SimpleNamespace()) is False


def test_callback_tracks_the_element_by_index_and_counts_each_finished_one(tmp_path):
    package = tmp_path / "zlib.rpm"
    package.write_bytes(b"rpm")
    item = types.SimpleNamespace(pkg=types.SimpleNamespace(localPkg=lambda: str(package)))
    elements = [Element("zlib", "1.2-41.el9", "x86_64", key=item), Element("old", "1-1", "noarch")]
    seen = []
    callback = R.Callback(RPM, elements, lambda done, total, current: seen.append((done, total, current)))
    callback(RPM.RPMCALLBACK_TRANS_START, 0, 2, None, None)
    callback(RPM.RPMCALLBACK_ELEM_PROGRESS, 0, 2, item, None)
    fd = callback(RPM.RPMCALLBACK_INST_OPEN_FILE, 0, 0, item, None)
    assert isinstance(fd, int) and callback.handles
    callback(RPM.RPMCALLBACK_INST_CLOSE_FILE, 0, 0, item, None)
    assert not callback.handles
    callback(RPM.RPMCALLBACK_INST_STOP, 0, 0, item, None)
    callback(RPM.RPMCALLBACK_ELEM_PROGRESS, 1, 2, "old", None)
    callback(RPM.RPMCALLBACK_SCRIPT_ERROR, 1024, RPM.RPMRC_OK, "old", None)
    callback(RPM.RPMCALLBACK_UNINST_STOP, 0, 0, "old", None)
    assert seen == [(1, 2, "zlib-1.2-41.el9.x86_64"), (2, 2, "old-1-1.noarch")]
    assert callback.errors == ["%post scriptlet of old-1-1.noarch failed"]


@pytest.mark.parametrize("result,failed,message", [
    ([("file conflict", (1, None, 0))], [], "rpm could not run the transaction: file conflict"),
    ([], ["tool-1-1.el9.x86_64"], "1 of 3 transaction elements failed (tool-1-1.el9.x86_64): %pre failed"),
    ([], [], "rpm could not run the transaction: %pre failed"),
])
def test_check_result_reads_ts_run_as_dnf_does(result, failed, message):
    with pytest.raises(R.TransactionFailed) as raised:
        R.check_result(result, failed, 3, ["%pre failed"])
    assert raised.value.message == message


def test_check_result_passes_a_clean_run():
    assert R.check_result(None, [], 3, []) is None


def test_callback_never_raises_into_rpm(tmp_path):
    item = types.SimpleNamespace(pkg=types.SimpleNamespace(localPkg=lambda: str(tmp_path / "gone.rpm")))
    callback = R.Callback(RPM, [Element("gone", "1-1", "noarch", key=item)], lambda *a: None)
    callback(RPM.RPMCALLBACK_TRANS_START, 0, 1, None, None)
    callback(RPM.RPMCALLBACK_ELEM_PROGRESS, 0, 1, item, None)
    assert callback(RPM.RPMCALLBACK_INST_OPEN_FILE, 0, 0, item, None) is None

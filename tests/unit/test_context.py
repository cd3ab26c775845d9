import pytest

from migrate.context import Context, host_name
from migrate.root import Root


class Recorder(object):
    def __init__(self):
        self.calls = []

    def emit(self, event, **fields):
        self.calls.append(dict(fields, event=event))

    def progress(self, step_id, done, total, unit, current=None):
        self.calls.append({"ui": done})


def _context(tmp_path):
    return Context(Root(str(tmp_path)), None, None, None, Recorder(), Recorder())


def test_progress_never_goes_back_within_a_step_and_carries_overall_percent(tmp_path):
    ctx = _context(tmp_path)
    ctx.step_position = (2, 4)
    for done in (1, 5, 3, 10, 12):
        ctx.progress("DISTRO_SYNC", done, 10, "transaction items")
    events = [e for e in ctx.events.calls]
    assert [e["done"] for e in events] == [1, 5, 5, 10, 10]
    assert events[0]["percent"] == 27.5 and events[-1]["percent"] == 50.0
    ctx.progress("OTHER", 1, 10, "items")  # another step starts from its own zero
    assert ctx.events.calls[-1]["done"] == 1


def test_hostname_under_root_is_the_images(tmp_path):
    (tmp_path / "etc").mkdir()
    assert host_name(Root(str(tmp_path))) is None
    (tmp_path / "etc" / "hostname").write_text("db7.example.org\n")
    assert host_name(Root(str(tmp_path))) == "db7.example.org"


def test_services_are_fixed_and_replacing_them_drops_the_transaction(tmp_path):
    ctx = _context(tmp_path)
    with pytest.raises(AttributeError):
        ctx.options = "other"
    first = ctx.transaction
    ctx.services = ctx.services._replace(options="journal's")
    assert ctx.options == "journal's" and ctx.transaction is not first
    assert ctx.transaction.options == "journal's"

"""stdout and stderr whose reader went away fail quietly, once, and then point at /dev/null."""
import errno
import os

import pytest

from migrate.report.streams import QuietStream


def _pipe_without_reader():
    read_end, write_end = os.pipe()
    os.close(read_end)
    return os.fdopen(write_end, "w")


def test_writes_to_a_reader_that_went_away_are_dropped_quietly():
    raw = _pipe_without_reader()
    stream = QuietStream(raw)
    assert stream.isatty() is False
    stream.write("status: converted\n")
    assert stream.flush() is None and stream.gone
    assert os.readlink("/proc/self/fd/%d" % raw.fileno()) == os.devnull  # the interpreter's last flush too
    assert stream.write("more\n") is None and stream.writelines(["a\n", "b\n"]) is None
    raw.close()


def test_a_stream_that_works_passes_everything_through(tmp_path):
    with open(str(tmp_path / "out.txt"), "w") as raw:
        stream = QuietStream(raw)
        stream.write("one\n")
        stream.writelines(["two\n", "three\n"])
        stream.flush()
        assert not stream.gone and stream.name == raw.name  # other attributes are the stream's
    assert (tmp_path / "out.txt").read_text() == "one\ntwo\nthree\n"


def test_other_errors_are_not_hidden(tmp_path):
    read_end, write_end = os.pipe()
    os.close(write_end)
    raw = os.fdopen(read_end, "w")  # a descriptor not open for writing: EBADF
    stream = QuietStream(raw)
    stream.write("x")
    with pytest.raises(OSError) as err:
        stream.flush()
    assert err.value.errno == errno.EBADF and not stream.gone
    with pytest.raises(OSError):
        raw.close()  # its buffer cannot be written either; closed all the same
    assert raw.closed

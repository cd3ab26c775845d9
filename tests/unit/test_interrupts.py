"""A stop asked for before the point of no return ends the run even when the library the signal
landed in dropped our raise (a Python callback called from C: librepo, dnf, rpm)."""
import signal

import pytest

from migrate.interrupts import AFTER, UNDOING, Interrupted, Interrupts


def _signal_inside_a_callback_that_drops_exceptions(interrupts):
    try:
        interrupts._handle(signal.SIGTERM, None)
    except BaseException:  # what C code calling back into Python does with an exception
        pass


def test_a_stop_whose_raise_was_dropped_is_raised_at_the_next_check():
    interrupts = Interrupts(say=lambda text: None)
    _signal_inside_a_callback_that_drops_exceptions(interrupts)
    with pytest.raises(Interrupted) as stopped:
        interrupts.check()
    assert stopped.value.name == "SIGTERM"
    assert interrupts.take_notices() == [("SIGTERM", "stop_and_undo")]


@pytest.mark.parametrize("phase", [UNDOING, AFTER])
def test_a_stop_is_not_raised_again_once_undoing_or_past_the_point_of_no_return(phase):
    interrupts = Interrupts(say=lambda text: None)
    with pytest.raises(Interrupted):
        interrupts._handle(signal.SIGINT, None)
    interrupts.phase = phase
    interrupts.check()
    assert interrupts.stop == "SIGINT"

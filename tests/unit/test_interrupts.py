"""What SIGINT, SIGTERM and SIGHUP do in each phase of a run, sent for real to this process; a
stop asked for before the point of no return ends the run even when the library the signal
landed in dropped our raise (a Python callback called from C: librepo, dnf, rpm)."""
import os
import signal

import pytest

from migrate import interrupts as I


@pytest.fixture
def handlers():
    """Interrupts installed in this process with its lines kept; the old handlers come back."""
    previous = dict((s, signal.getsignal(s)) for s in I.HANDLED)
    said = []
    yield I.Interrupts(say=said.append).install(), said
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def send(signum):
    os.kill(os.getpid(), signum)


def test_before_the_point_of_no_return_the_first_signal_stops_at_once(handlers):
    interrupts, said = handlers
    with pytest.raises(I.Interrupted) as caught:
        send(signal.SIGTERM)
    assert (caught.value.name, interrupts.stop) == ("SIGTERM", "SIGTERM")
    send(signal.SIGINT)  # while the engine undoes: noted, not raised again
    assert said == ["SIGTERM: stopping; what was changed is undone",
                    "SIGINT: already stopping (SIGTERM); undoing what was changed first"]
    assert interrupts.take_notices() == [("SIGTERM", "stop_and_undo"), ("SIGINT", "already_stopping")]
    assert interrupts.take_notices() == []


def test_while_undoing_a_signal_is_noted_and_the_undo_goes_on(handlers):
    interrupts, said = handlers
    interrupts.phase = I.UNDOING
    send(signal.SIGINT)
    assert interrupts.stop == "SIGINT"
    assert said == ["SIGINT: already stopping (SIGINT); undoing what was changed first"]


def test_after_the_point_of_no_return_hangup_is_ignored_and_int_stops_at_the_step_boundary(handlers):
    interrupts, said = handlers
    interrupts.phase = I.AFTER
    send(signal.SIGHUP)
    assert interrupts.stop is None
    send(signal.SIGINT)
    send(signal.SIGTERM)
    assert interrupts.stop == "SIGINT"
    interrupts.check()  # past the point of no return: the engine stops at the boundary itself
    assert interrupts.take_notices() == [("SIGHUP", "ignored"), ("SIGINT", "stop_after_step"),
                                         ("SIGTERM", "already_stopping")]
    assert said[1] == ("SIGINT: the conversion stops at the next step boundary (the rpm transaction "
                       "is never cut); `almalinux-migrate resume` finishes it")


def test_when_finished_a_signal_is_only_answered(handlers):
    interrupts, said = handlers
    interrupts.phase = I.FINISHED
    send(signal.SIGTERM)
    assert (interrupts.stop, interrupts.take_notices()) == (None, [])
    assert said == ["SIGTERM: the run is over; it is only printing its result"]


def test_a_signal_a_library_caught_is_answered_as_ours_would_be():
    said = []
    interrupts = I.Interrupts(say=said.append)
    error = interrupts.caught_by_library("SIGINT")
    assert isinstance(error, I.Interrupted) and error.name == "SIGINT"
    assert interrupts.caught_by_library("SIGTERM").name == "SIGTERM"  # the first one's stop stays
    assert (interrupts.stop, said) == ("SIGINT", ["SIGINT: stopping; what was changed is undone"])


def test_reclaim_puts_our_handlers_back_after_a_library_replaced_them(handlers):
    interrupts, _ = handlers
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as librepo leaves it
    interrupts.reclaim()
    assert signal.getsignal(signal.SIGINT) == interrupts._handle
    never_installed = I.Interrupts()
    never_installed.reclaim()  # a no-op until install(): ours stay
    assert signal.getsignal(signal.SIGTERM) == interrupts._handle


def test_hangup_is_ignored_inside_the_transaction_and_ours_again_after(handlers):
    interrupts, said = handlers
    with interrupts.hangup_ignored():
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
        send(signal.SIGHUP)
    assert signal.getsignal(signal.SIGHUP) == interrupts._handle and said == []


def test_hangup_goes_back_to_the_default_when_ours_were_never_installed():
    previous = signal.getsignal(signal.SIGHUP)
    try:
        with I.Interrupts().hangup_ignored():
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_blocked_signals_wait_until_the_block_ends(handlers):
    interrupts, said = handlers
    with pytest.raises(I.Interrupted):
        with I.blocked_signals():
            send(signal.SIGINT)
            said.append("journal written whole")
    assert said == ["journal written whole", "SIGINT: stopping; what was changed is undone"]


def test_signal_names():
    assert [I.signal_name(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1)] == [
        "SIGINT", "SIGTERM", "SIGHUP", "signal %d" % signal.SIGUSR1]


def _signal_inside_a_callback_that_drops_exceptions(interrupts):
    try:
        interrupts._handle(signal.SIGTERM, None)
    except BaseException:  # what C code calling back into Python does with an exception
        pass


def test_a_stop_whose_raise_was_dropped_is_raised_at_the_next_check():
    interrupts = I.Interrupts(say=lambda text: None)
    _signal_inside_a_callback_that_drops_exceptions(interrupts)
    with pytest.raises(I.Interrupted) as stopped:
        interrupts.check()
    assert stopped.value.name == "SIGTERM"
    assert interrupts.take_notices() == [("SIGTERM", "stop_and_undo")]


@pytest.mark.parametrize("phase", [I.UNDOING, I.AFTER])
def test_a_stop_is_not_raised_again_once_undoing_or_past_the_point_of_no_return(phase):
    interrupts = I.Interrupts(say=lambda text: None)
    with pytest.raises(I.Interrupted):
        interrupts._handle(signal.SIGINT, None)
    interrupts.phase = phase
    interrupts.check()
    assert interrupts.stop == "SIGINT"

"""What the app says after a cancel, and what it asks before quitting."""

from __future__ import annotations

from fizzly_desktop.core.cancels import CancelWatch, cancellable, describe, settled
from fizzly_desktop.core.quitting import quit_question
from fizzly_desktop.core.runs import Contact, Run, RunState


def make_run(
    state: RunState, *, sent: bool = True, batch: str | None = None, **changes: object
) -> Run:
    run = Run.create("demo/text-to-image", {"prompt": "a fox"}, "Local sandbox", batch_id=batch)
    run.state = state
    if sent:
        run.request_id = f"req-{run.id}"
    for name, value in changes.items():
        setattr(run, name, value)
    return run


# --- cancels -------------------------------------------------------------------------------------


def test_a_cancelled_run_says_its_refund() -> None:
    run = make_run(RunState.CANCELLED, credits_used=7, credits_refunded=7)
    assert describe([run]) == "Cancelled · 7 credits refunded"
    one = make_run(RunState.CANCELLED, credits_refunded=1)
    assert describe([one]) == "Cancelled · 1 credit refunded"
    nothing = make_run(RunState.CANCELLED, credits_refunded=0)
    assert describe([nothing]) == "Cancelled · nothing refunded"


def test_a_run_never_sent_says_nothing_was_charged() -> None:
    assert describe([make_run(RunState.CANCELLED, sent=False)]) == "Not sent · nothing charged"


def test_a_run_that_finished_first_says_so() -> None:
    done = make_run(RunState.COMPLETED)
    assert describe([done]) == "Done before the cancel reached the server · charged as usual"
    gone = make_run(RunState.IN_PROGRESS)
    gone.lose_contact(Contact.UNKNOWN)
    assert describe([gone]) == "Unknown to the server: it no longer knows this run"


def test_many_runs_are_said_in_one_line() -> None:
    runs = [
        make_run(RunState.CANCELLED, credits_refunded=4),
        make_run(RunState.CANCELLED, credits_refunded=8),
        make_run(RunState.CANCELLED, sent=False),
        make_run(RunState.COMPLETED),
    ]
    assert describe(runs) == (
        "2 cancelled · 12 credits refunded; 1 not sent · nothing charged; "
        "1 finished before the cancel reached the server"
    )


def test_what_a_cancel_can_reach() -> None:
    assert cancellable(make_run(RunState.WAITING, sent=False))
    assert cancellable(make_run(RunState.IN_PROGRESS))
    assert not cancellable(make_run(RunState.IN_PROGRESS, sent=False))
    assert not cancellable(make_run(RunState.COMPLETED))
    forgotten = make_run(RunState.IN_QUEUE)
    forgotten.lose_contact(Contact.UNKNOWN)
    assert not cancellable(forgotten)


def test_a_cancel_settles_once_its_refund_is_known() -> None:
    run = make_run(RunState.CANCELLING)
    assert not settled(run)
    run.state = RunState.CANCELLED
    assert not settled(run)  # the stream said cancelled before the cancel's answer
    run.credits_refunded = 3
    assert settled(run)
    assert settled(make_run(RunState.CANCELLED, sent=False))


def test_the_watch_speaks_once_per_cancel_when_its_last_run_settles() -> None:
    watch = CancelWatch()
    first, second = make_run(RunState.CANCELLING), make_run(RunState.WAITING, sent=False)
    watch.watch([first.id, second.id])
    assert watch.watching
    second.state = RunState.CANCELLED
    second.request_id = None
    assert watch.update([second]) == []
    first.state, first.credits_refunded = RunState.CANCELLED, 5
    assert watch.update([first]) == [
        "1 cancelled · 5 credits refunded; 1 not sent · nothing charged"
    ]
    assert not watch.watching
    assert watch.update([first]) == []


def test_a_cancel_whose_runs_are_removed_says_nothing() -> None:
    watch = CancelWatch()
    run = make_run(RunState.CANCELLING)
    watch.watch([run.id])
    assert watch.update([], removed=[run.id]) == []
    assert not watch.watching


# --- quitting ------------------------------------------------------------------------------------


def test_nothing_in_flight_asks_nothing() -> None:
    assert quit_question([]) is None
    assert quit_question([make_run(RunState.COMPLETED), make_run(RunState.FAILED)]) is None
    lost = make_run(RunState.IN_PROGRESS)
    lost.lose_contact(Contact.UNKNOWN)
    assert quit_question([lost]) is None


def test_runs_on_the_server_and_waiting_batch_runs_are_said() -> None:
    runs = [make_run(RunState.IN_PROGRESS) for _ in range(12)]
    runs += [make_run(RunState.WAITING, sent=False, batch="b1") for _ in range(4)]
    assert quit_question(runs) == (
        "12 runs are still running on the server. They keep running and the app picks them up "
        "when you reopen it; 4 waiting batch runs are not sent until then."
    )


def test_one_run_is_said_in_the_singular() -> None:
    assert quit_question([make_run(RunState.IN_QUEUE)]) == (
        "1 run is still running on the server. It keeps running and the app picks it up when "
        "you reopen it."
    )
    assert quit_question([make_run(RunState.WAITING, sent=False)]) == (
        "1 run is waiting to be sent. It is not sent until you reopen the app."
    )

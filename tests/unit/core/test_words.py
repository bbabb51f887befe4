"""The words for runs: one phrase per state, queue position, wait, count."""

from __future__ import annotations

from fizzly_desktop.core import words
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.core.words import WaitCauses

NOW = 10_000.0


def make_run(state: RunState, **changes: object) -> Run:
    run = Run.create("demo/text-to-image", {"prompt": "a fox"}, "Local sandbox")
    run.state = state
    run.created_at = NOW - 100
    for name, value in changes.items():
        setattr(run, name, value)
    return run


def test_plurals() -> None:
    assert words.plural(1, "run") == "1 run"
    assert words.plural(0, "run") == "0 runs"
    assert words.plural(2, "batch") == "2 batches"
    assert words.plural(1_200, "output") == "1,200 outputs"
    assert words.plural_credits(1) == "1 credit"
    assert words.plural_credits(2.5) == "2.5 credits"


def test_each_state_in_a_full_phrase() -> None:
    assert words.state_text(make_run(RunState.WAITING)) == "Waiting to send"
    assert words.state_text(make_run(RunState.SUBMITTING)) == "Sending"
    running = make_run(RunState.IN_PROGRESS, progress=33.0, current_node="upscale")
    assert words.state_text(running) == "Running · 33 % · upscale"
    failed = make_run(RunState.FAILED, current_node="upscale", error="Out of memory")
    assert words.state_text(failed) == "Failed · upscale: Out of memory"
    assert words.state_text(make_run(RunState.COMPLETED)) == "Done"
    refunded = make_run(RunState.CANCELLED, credits_used=0.0, credits_refunded=4.0)
    assert words.state_text(refunded) == "Cancelled (refunded 4 credits)"
    assert words.state_text(make_run(RunState.CANCELLED)) == "Cancelled (nothing charged)"
    uncertain = make_run(RunState.UNCERTAIN)
    assert words.state_text(uncertain) == "Sent, no answer (check or run again)"
    refused = make_run(RunState.REJECTED, error="Unknown input: steps")
    assert words.state_text(refused) == "Refused · Unknown input: steps"


def test_runs_needing_attention_say_why() -> None:
    gone = make_run(RunState.IN_QUEUE, gone_from_server=True)
    assert words.state_word(gone) == words.UNKNOWN_TO_SERVER == "Unknown to the server"
    assert words.state_text(gone) == "Unknown to the server"
    running = make_run(RunState.IN_PROGRESS)
    assert words.state_word(running, lost_contact=True) == "Lost contact"
    # A finished run keeps its own word whatever became of the server.
    done = make_run(RunState.COMPLETED, gone_from_server=True)
    assert words.state_word(done, lost_contact=True) == "Done"


def test_a_queue_position_is_the_servers_number_until_it_is_stale() -> None:
    run = make_run(RunState.IN_QUEUE)
    assert words.state_text(run, now=NOW) == "In queue · position unknown"
    run.set_queue_position(6, now=NOW)
    assert words.state_text(run, now=NOW + 5) == "In queue · position 6"
    assert not words.position_is_stale(run, NOW + 5)
    later = NOW + words.STALE_POSITION_AFTER + 1
    assert words.position_is_stale(run, later)
    assert words.state_text(run, now=later) == "In queue · position unknown"
    assert words.position_tooltip(run, NOW + 90) == (
        "The server said position 6 1 min 30 s ago. "
        "Positions are asked again while the run is on screen."
    )
    # Leaving the queue forgets the position and when it was heard.
    run.transition(RunState.IN_PROGRESS, now=NOW + 100)
    assert (run.queue_position, run.queue_position_at) == (None, None)


def test_waiting_says_for_how_long_and_why() -> None:
    queued = make_run(RunState.IN_QUEUE, submitted_at=NOW - 65)
    queued.set_queue_position(5, now=NOW)
    assert words.waiting_text(queued, WaitCauses(), NOW) == (
        "Waiting 1 min 5 s · In the server's queue behind 4 runs."
    )
    queued.set_queue_position(1, now=NOW)
    assert words.waiting_reason(queued, WaitCauses(), NOW) == "Next in the server's queue."
    waiting = make_run(RunState.WAITING)
    paused = WaitCauses(paused_batch="Foxes", pause_reason="Paused by you.")
    assert words.waiting_text(waiting, paused, NOW) == (
        "Waiting 1 min 40 s · Its batch “Foxes” is paused. Paused by you."
    )
    assert "request limit" in words.waiting_reason(waiting, WaitCauses(rate_limited=True))
    assert "free slot" in words.waiting_reason(waiting, WaitCauses(slots_full=True))
    assert "resume sending" in words.waiting_reason(waiting, WaitCauses(sending_paused=True))
    # Running or finished runs are not waiting.
    running = make_run(RunState.IN_PROGRESS, started_at=NOW - 10)
    assert words.waiting_text(running, WaitCauses(), NOW) == ""
    assert words.waiting_text(make_run(RunState.COMPLETED), WaitCauses(), NOW) == ""


def test_a_batch_is_summed_up_in_the_group_words() -> None:
    runs = [
        *(make_run(RunState.COMPLETED) for _ in range(12)),
        make_run(RunState.FAILED),
        make_run(RunState.REJECTED),
        make_run(RunState.WAITING),
    ]
    assert words.batch_summary(runs) == "12 of 15 runs done, 1 failed, 1 needs attention"
    runs.append(make_run(RunState.UNCERTAIN))
    runs.append(make_run(RunState.CANCELLED))
    assert words.batch_summary(runs) == (
        "12 of 17 runs done, 1 failed, 1 cancelled, 2 need attention"
    )
    assert words.batch_summary([make_run(RunState.COMPLETED)]) == "1 of 1 run done"

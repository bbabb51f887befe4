"""The run state machine: every legal change applies, illegal ones are refused and logged."""

from __future__ import annotations

import logging

import pytest

from fizzly_desktop.core.runs import (
    TRANSITIONS,
    NodeState,
    Run,
    RunState,
    StateGroup,
    StateTally,
    WorkflowId,
    group_counts,
    group_of,
    is_forward,
    parse_time,
)

LEGAL = [(old, new) for old, targets in TRANSITIONS.items() for new in targets]
ILLEGAL = [
    (RunState.COMPLETED, RunState.IN_PROGRESS),
    (RunState.COMPLETED, RunState.CANCELLED),
    (RunState.FAILED, RunState.COMPLETED),
    (RunState.CANCELLED, RunState.WAITING),
    (RunState.REJECTED, RunState.SUBMITTING),
    (RunState.WAITING, RunState.COMPLETED),
    (RunState.WAITING, RunState.PENDING),
    (RunState.IN_PROGRESS, RunState.IN_QUEUE),
    (RunState.IN_QUEUE, RunState.PENDING),
    (RunState.SUBMITTING, RunState.COMPLETED),
    (RunState.DRAFT, RunState.SUBMITTING),
    (RunState.UNCERTAIN, RunState.SUBMITTING),
    (RunState.UNCERTAIN, RunState.WAITING),
]


def make_run(state: RunState = RunState.WAITING) -> Run:
    run = Run.create("demo/text-to-image", {"prompt": "a fox"}, "Local sandbox")
    run.state = state
    return run


def test_every_state_has_a_row_and_terminal_states_lead_nowhere() -> None:
    assert set(TRANSITIONS) == set(RunState)
    for state in (RunState.COMPLETED, RunState.FAILED, RunState.CANCELLED, RunState.REJECTED):
        assert state.is_terminal
        assert TRANSITIONS[state] == frozenset()
    assert not RunState.UNCERTAIN.is_terminal


@pytest.mark.parametrize(("old", "new"), LEGAL, ids=[f"{a}->{b}" for a, b in LEGAL])
def test_legal_transition_applies(old: RunState, new: RunState) -> None:
    run = make_run(old)
    assert run.transition(new, now=1000.0)
    assert run.state is new
    assert run.updated_at == 1000.0


@pytest.mark.parametrize(("old", "new"), ILLEGAL, ids=[f"{a}->{b}" for a, b in ILLEGAL])
def test_illegal_transition_is_refused_and_logged(
    old: RunState, new: RunState, caplog: pytest.LogCaptureFixture
) -> None:
    run = make_run(old)
    before = run.updated_at
    with caplog.at_level(logging.WARNING, logger="fizzly_desktop.core.runs"):
        assert not run.transition(new)
    assert run.state is old
    assert run.updated_at == before
    assert f"{old} -> {new}" in caplog.text


def test_same_state_is_a_no_op() -> None:
    run = make_run(RunState.IN_PROGRESS)
    assert run.transition(RunState.IN_PROGRESS)
    assert run.state is RunState.IN_PROGRESS


def test_cancelling_remembers_the_state_to_return_to() -> None:
    run = make_run(RunState.IN_QUEUE)
    run.queue_position = 3
    assert run.transition(RunState.CANCELLING)
    assert run.state_before_cancel is RunState.IN_QUEUE
    assert run.queue_position is None
    assert run.transition(RunState.IN_QUEUE)
    assert run.state_before_cancel is None


def test_terminal_state_stamps_completion_and_progress() -> None:
    run = make_run(RunState.IN_PROGRESS)
    run.progress = 40.0
    run.transition(RunState.COMPLETED, now=55.0)
    assert run.completed_at == 55.0
    assert run.progress == 100.0


def test_in_progress_stamps_start_once() -> None:
    run = make_run(RunState.PENDING)
    run.transition(RunState.IN_PROGRESS, now=10.0)
    run.transition(RunState.CANCELLING, now=11.0)
    run.transition(RunState.IN_PROGRESS, now=12.0)
    assert run.started_at == 10.0


def test_forward_only_ignores_stale_statuses() -> None:
    assert is_forward(RunState.PENDING, RunState.IN_QUEUE)
    assert is_forward(RunState.IN_QUEUE, RunState.IN_PROGRESS)
    assert not is_forward(RunState.IN_PROGRESS, RunState.IN_QUEUE)
    assert not is_forward(RunState.COMPLETED, RunState.IN_PROGRESS)
    assert is_forward(RunState.CANCELLING, RunState.CANCELLED)


def test_timeline_records_nodes_in_order_and_idempotently() -> None:
    run = make_run(RunState.IN_PROGRESS)
    run.node_started("prompt-encode", at=1.0)
    run.node_completed("prompt-encode", {"tokens": 7}, at=2.0)
    run.node_started("image-generation", at=2.5)
    run.node_started("prompt-encode", at=9.0)  # a replayed event changes nothing
    assert [e.node for e in run.timeline] == ["prompt-encode", "image-generation"]
    first = run.timeline[0]
    assert (first.started_at, first.completed_at, first.state) == (1.0, 2.0, NodeState.COMPLETED)
    assert first.output == {"tokens": 7}
    assert first.duration == 1.0
    assert run.current_node == "prompt-encode"
    assert run.timeline[1].state is NodeState.RUNNING


def test_logs_fill_the_timeline() -> None:
    run = make_run(RunState.COMPLETED)
    run.apply_logs(
        [
            {
                "node": "image-generation",
                "status": "completed",
                "started_at": "2026-01-17T12:00:00Z",
                "completed_at": "2026-01-17T12:00:12Z",
            }
        ]
    )
    entry = run.node("image-generation")
    assert entry is not None
    assert entry.duration == 12.0
    assert entry.state is NodeState.COMPLETED


def test_copy_is_independent() -> None:
    run = make_run(RunState.IN_PROGRESS)
    run.node_started("a", at=1.0)
    run.outputs = {"image": {"url": "https://cdn.test/1.png"}}
    snapshot = run.copy()
    run.node_completed("a", at=2.0)
    run.transition(RunState.COMPLETED)
    run.outputs = {"image": {"url": "https://cdn.test/2.png"}}
    assert snapshot.timeline[0].completed_at is None
    assert snapshot.state is RunState.IN_PROGRESS
    assert snapshot.outputs == {"image": {"url": "https://cdn.test/1.png"}}
    assert snapshot.inputs["prompt"] == "a fox"


def test_copy_shares_the_mappings_a_run_replaces_whole() -> None:
    run = make_run(RunState.COMPLETED)
    run.outputs = {"image": {"url": "https://cdn.test/1.png"}}
    run.metrics = {"credits_used": 8}
    snapshot = run.copy()
    # One mapping for the engine's run and every view's snapshot of it, not one each.
    assert snapshot.inputs is run.inputs
    assert snapshot.outputs is run.outputs
    assert snapshot.metrics is run.metrics
    assert snapshot.timeline is not run.timeline


def test_workflow_names_are_checked() -> None:
    assert WorkflowId.parse("demo/text-to-image") == WorkflowId("demo", "text-to-image")
    with pytest.raises(ValueError, match="owner/slug"):
        Run.create("text-to-image", {}, "p")


def test_parse_time_accepts_iso_and_numbers() -> None:
    assert parse_time("1970-01-01T00:00:10Z") == 10.0
    assert parse_time(5) == 5.0
    assert parse_time("not a time") is None
    assert parse_time(None) is None


def test_state_groups() -> None:
    uncertain = make_run(RunState.UNCERTAIN)
    gone = make_run(RunState.IN_PROGRESS)
    gone.gone_from_server = True
    assert StateGroup.NEEDS_ATTENTION.contains(uncertain)
    assert StateGroup.NEEDS_ATTENTION.contains(gone)
    # Every run is in one group only: a run the server forgot is not counted as on it.
    assert not StateGroup.ON_SERVER.contains(gone)
    assert StateGroup.NEEDS_ATTENTION.contains(make_run(RunState.REJECTED))
    assert not StateGroup.FAILED.contains(make_run(RunState.REJECTED))
    assert StateGroup.NOT_SENT.contains(make_run(RunState.WAITING))
    assert StateGroup.NOT_SENT.contains(make_run(RunState.SUBMITTING))
    assert StateGroup.ON_SERVER.contains(make_run(RunState.IN_QUEUE))
    assert StateGroup.ON_SERVER.contains(make_run(RunState.PENDING))
    assert not StateGroup.ON_SERVER.contains(make_run(RunState.WAITING))
    assert StateGroup.ALL.contains(make_run(RunState.CANCELLED))


def test_each_state_is_in_exactly_one_group() -> None:
    groups = [group for group in StateGroup if group is not StateGroup.ALL]
    for state in RunState:
        run = make_run(state)
        assert [group for group in groups if group.contains(run)] == [group_of(run)], state


def test_group_names_are_the_sidebar_words() -> None:
    assert [group.label for group in StateGroup] == [
        "All runs",
        "Not sent yet",
        "On the server",
        "Done",
        "Failed",
        "Cancelled",
        "Needs attention",
    ]
    # The names the groups had stay usable by code written before the rename.
    assert StateGroup.QUEUED is StateGroup.NOT_SENT
    assert StateGroup.ACTIVE is StateGroup.ON_SERVER


def recount(runs: dict[str, Run]) -> dict[StateGroup, int]:
    return {group: sum(1 for run in runs.values() if group.contains(run)) for group in StateGroup}


def test_the_tally_follows_marked_changes_like_a_recount() -> None:
    import random

    rng = random.Random(3)
    runs: dict[str, Run] = {}
    tally = StateTally(runs)
    states = list(RunState)
    for step in range(2_000):
        roll = rng.random()
        if roll < 0.4 or not runs:
            run = make_run(rng.choice(states))
            runs[run.id] = run
            tally.mark([run.id])
        elif roll < 0.9:
            run = rng.choice(list(runs.values()))
            run.state = rng.choice(states)
            run.gone_from_server = rng.random() < 0.2
            tally.mark([run.id])
        else:
            run_id = rng.choice(list(runs))
            del runs[run_id]
            tally.mark([run_id])
        if step % 37 == 0:
            assert tally.counts() == recount(runs), step
    assert tally.counts() == recount(runs)
    assert group_counts(runs.values()) == recount(runs)


def test_the_tally_counts_what_it_was_told_about() -> None:
    runs: dict[str, Run] = {}
    tally = StateTally(runs)
    run = make_run(RunState.IN_PROGRESS)
    runs[run.id] = run
    tally.mark([run.id])
    assert tally.counts()[StateGroup.ON_SERVER] == 1
    # A change nobody published is not seen; once marked, it is.
    run.state = RunState.COMPLETED
    assert tally.counts()[StateGroup.ON_SERVER] == 1
    tally.mark([run.id])
    counts = tally.counts()
    assert (counts[StateGroup.ON_SERVER], counts[StateGroup.COMPLETED]) == (0, 1)
    # A run marked twice before counting is counted once.
    tally.mark([run.id, run.id])
    tally.mark([run.id])
    assert tally.counts()[StateGroup.ALL] == 1

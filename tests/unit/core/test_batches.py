"""Batches: order of input sets, moving waiting runs, and when a batch is done."""

from __future__ import annotations

import pytest

from fizzly_desktop.core.batches import BatchState, build_batch
from fizzly_desktop.core.runs import RunState


def test_runs_keep_the_order_of_the_input_sets() -> None:
    batch, runs = build_batch("Foxes", "demo/text-to-image", [{"seed": i} for i in range(4)], "p")
    assert [r.inputs["seed"] for r in runs] == [0, 1, 2, 3]
    assert batch.run_ids == [r.id for r in runs]
    assert all(r.batch_id == batch.id and r.state is RunState.WAITING for r in runs)
    assert [r.created_at for r in runs] == sorted(r.created_at for r in runs)
    assert batch.next_waiting({r.id: r for r in runs}) is runs[0]


def test_empty_batch_and_zero_limit_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one set"):
        build_batch("x", "demo/a", [], "p")
    with pytest.raises(ValueError, match="at least one run"):
        build_batch("x", "demo/a", [{}], "p", max_active=0)


def test_move_up_and_down_among_waiting_runs_only() -> None:
    batch, runs = build_batch("b", "demo/a", [{"i": i} for i in range(5)], "p")
    by_id = {r.id: r for r in runs}
    ids = [r.id for r in runs]
    runs[1].state = RunState.PENDING  # already sent: never moves, never jumped over in place
    assert not batch.move(ids[1], -1, by_id)
    assert batch.move(ids[2], -1, by_id)  # swaps with ids[0], the nearest waiting run
    assert batch.run_ids == [ids[2], ids[1], ids[0], ids[3], ids[4]]
    assert not batch.move(ids[2], -1, by_id)  # already first among waiting
    assert batch.move(ids[0], 2, by_id)
    assert batch.run_ids == [ids[2], ids[1], ids[3], ids[4], ids[0]]
    assert batch.next_waiting(by_id) is runs[2]


def test_done_counts_and_pause() -> None:
    batch, runs = build_batch("b", "demo/a", [{}, {}, {}], "p")
    by_id = {r.id: r for r in runs}
    assert not batch.is_done(by_id)
    runs[0].state = RunState.COMPLETED
    runs[1].state = RunState.IN_PROGRESS
    runs[2].state = RunState.UNCERTAIN
    assert batch.active_count(by_id) == 1
    assert not batch.is_done(by_id)
    runs[1].state = RunState.FAILED
    assert batch.is_done(by_id)
    assert batch.counts(by_id) == {
        RunState.COMPLETED: 1,
        RunState.FAILED: 1,
        RunState.UNCERTAIN: 1,
    }
    batch.pause("Not enough credits")
    assert batch.state is BatchState.PAUSED
    assert batch.pause_reason == "Not enough credits"
    batch.resume()
    assert batch.state is BatchState.RUNNING
    assert batch.pause_reason is None

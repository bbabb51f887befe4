"""The change coalescer: bursts become one event per frame, with add/update/remove folded."""

from __future__ import annotations

import asyncio

from fizzly_desktop.core.events import (
    BatchesChanged,
    ChangeCoalescer,
    ChangeEvent,
    LoopScheduler,
    ManualScheduler,
    Notice,
    RunsChanged,
)


def collect() -> tuple[ChangeCoalescer, ManualScheduler, list[ChangeEvent]]:
    scheduler = ManualScheduler()
    coalescer = ChangeCoalescer(scheduler)
    events: list[ChangeEvent] = []
    coalescer.subscribe(events.append)
    return coalescer, scheduler, events


def test_a_burst_is_delivered_once_per_frame() -> None:
    coalescer, scheduler, events = collect()
    for i in range(1000):
        coalescer.runs_updated([f"r{i % 10}"])
    assert scheduler.pending == 1
    assert events == []
    assert scheduler.run_due() == 1
    assert events == [RunsChanged(updated=frozenset(f"r{i}" for i in range(10)))]
    assert scheduler.pending == 0
    assert scheduler.run_due() == 0


def test_add_update_remove_fold() -> None:
    coalescer, scheduler, events = collect()
    coalescer.runs_added(["a", "b"])
    coalescer.runs_updated(["a", "c"])
    coalescer.runs_removed(["b", "d"])
    scheduler.run_due()
    assert events == [
        RunsChanged(added=frozenset({"a"}), updated=frozenset({"c"}), removed=frozenset({"d"}))
    ]


def test_updated_then_removed_is_removed() -> None:
    coalescer, scheduler, events = collect()
    coalescer.runs_updated(["x"])
    coalescer.runs_removed(["x"])
    scheduler.run_due()
    assert events == [RunsChanged(removed=frozenset({"x"}))]


def test_batches_and_notices_follow_runs_in_one_flush() -> None:
    coalescer, scheduler, events = collect()
    coalescer.notice(Notice("Batch paused"))
    coalescer.batches_updated(["b1"])
    coalescer.runs_added(["r1"])
    coalescer.notice(Notice("second"))
    scheduler.run_due()
    assert events == [
        RunsChanged(added=frozenset({"r1"})),
        BatchesChanged(updated=frozenset({"b1"})),
        Notice("Batch paused"),
        Notice("second"),
    ]


def test_unsubscribe_and_failing_listener() -> None:
    coalescer, scheduler, events = collect()
    seen: list[ChangeEvent] = []

    def broken(event: ChangeEvent) -> None:
        raise RuntimeError("view bug")

    coalescer.subscribe(broken)
    stop = coalescer.subscribe(seen.append)
    coalescer.runs_added(["a"])
    scheduler.run_due()
    stop()
    coalescer.runs_added(["b"])
    scheduler.run_due()
    assert len(events) == 2
    assert len(seen) == 1


def test_flush_now_cancels_the_scheduled_flush() -> None:
    coalescer, scheduler, events = collect()
    coalescer.runs_added(["a"])
    coalescer.flush()
    assert len(events) == 1
    assert scheduler.run_due() == 0
    coalescer.runs_added(["b"])
    assert scheduler.pending == 1


async def test_loop_scheduler_delivers_on_the_loop() -> None:
    coalescer = ChangeCoalescer(LoopScheduler(), interval=0.001)
    got = asyncio.Event()
    events: list[ChangeEvent] = []

    def on_event(event: ChangeEvent) -> None:
        events.append(event)
        got.set()

    coalescer.subscribe(on_event)
    coalescer.runs_added(["a"])
    coalescer.runs_updated(["b"])
    await asyncio.wait_for(got.wait(), 5)
    assert events == [RunsChanged(added=frozenset({"a"}), updated=frozenset({"b"}))]
    coalescer.close()


def test_marked_runs_are_told_at_once_even_from_a_generator() -> None:
    marked: list[tuple[str, ...]] = []
    scheduler = ManualScheduler()
    coalescer = ChangeCoalescer(scheduler, on_runs_marked=lambda ids: marked.append(tuple(ids)))
    events: list[ChangeEvent] = []
    coalescer.subscribe(events.append)
    coalescer.runs_added(run_id for run_id in ("a", "b"))
    coalescer.runs_updated(["c"])
    coalescer.runs_removed(iter(["b"]))
    assert marked == [("a", "b"), ("c",), ("b",)]  # before any flush
    assert events == []
    scheduler.run_due()
    # The generator was read once for both: the event still holds what was added.
    assert events == [RunsChanged(added=frozenset({"a"}), updated=frozenset({"c"}))]

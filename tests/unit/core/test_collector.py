"""The collector policy: the history frozen, full collections walking only recent objects,
and frozen garbage reclaimed by a tidy at a quiet moment."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from fizzly_desktop.core.collector import CollectorPolicy


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def garbage_cycle() -> weakref.ref[Node]:
    """Two objects that refer to each other and to nothing else: only the collector frees them."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def policy(clock: Clock) -> Iterator[CollectorPolicy]:
    gc.collect()
    policy = CollectorPolicy(tidy_interval=60.0, clock=clock)
    try:
        yield policy
    finally:
        policy.stop()
        assert gc.get_freeze_count() == 0


class Collections:
    """Records the thread and generation of every collection (a gc callback)."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.seen.append((threading.get_ident(), info["generation"]))

    def on_threads(self) -> set[int]:
        return {thread for thread, _ in self.seen}


@pytest.fixture
def collections() -> Iterator[Collections]:
    recorder = Collections()
    gc.callbacks.append(recorder)
    try:
        yield recorder
    finally:
        gc.callbacks.remove(recorder)


def test_start_freezes_what_is_alive_and_stop_gives_it_back(policy: CollectorPolicy) -> None:
    history = [{"run": i} for i in range(1000)]
    policy.start()
    assert policy.active
    assert gc.get_freeze_count() >= len(history)
    walked = {id(obj) for obj in gc.get_objects()}
    assert not any(id(run) in walked for run in history)
    policy.stop()
    assert gc.get_freeze_count() == 0
    assert policy._on_collection not in gc.callbacks


def test_survivors_of_a_full_collection_are_frozen(policy: CollectorPolicy) -> None:
    policy.start()
    frozen = gc.get_freeze_count()
    recent = [[i] for i in range(5000)]
    gc.collect()  # a full collection, as the interpreter runs on its own
    assert policy.full_collections == 1
    assert gc.get_freeze_count() >= frozen + len(recent)
    assert len(gc.get_objects()) < len(recent)  # the next full walk starts nearly empty


def test_garbage_frozen_while_alive_is_reclaimed_by_a_tidy_only(policy: CollectorPolicy) -> None:
    cycle = garbage_cycle()  # already garbage, but frozen with everything else
    policy.start()
    gc.collect()
    assert cycle() is not None  # out of the collector's reach while frozen

    found = policy.tidy()
    assert cycle() is None
    assert found >= 2
    assert policy.tidies == 1
    assert gc.get_freeze_count() > 0  # the survivors are frozen again


def test_a_tidy_is_due_once_per_interval(policy: CollectorPolicy, clock: Clock) -> None:
    assert not policy.tidy_due()  # not started: nothing frozen, nothing to tidy
    policy.start()
    assert not policy.tidy_due()
    clock.now += 59.0
    assert not policy.tidy_due()
    clock.now += 1.0
    assert policy.tidy_due()
    policy.tidy()
    assert not policy.tidy_due()


def test_collect_recent_frees_new_garbage_and_freezes_new_survivors(
    policy: CollectorPolicy,
) -> None:
    policy.start()
    frozen = gc.get_freeze_count()
    kept = [[n] for n in range(2000)]
    cycle = garbage_cycle()  # made after the freeze: within reach of a recent collection
    found = policy.collect_recent()
    assert cycle() is None
    assert found >= 2
    assert gc.get_freeze_count() >= frozen + len(kept)
    assert policy.full_collections == 1


def test_a_worker_making_cycles_triggers_no_collection_the_tick_collects_on_its_thread(
    policy: CollectorPolicy, collections: Collections, collector_enabled: None
) -> None:
    policy.start()
    made: list[weakref.ref[Node]] = []

    def worker() -> None:
        # Far past every threshold: the interpreter would collect on this thread many times.
        for _ in range(20 * gc.get_threshold()[0]):
            made.append(garbage_cycle())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert collections.seen == []
    assert all(ref() is not None for ref in made[:10])  # nothing was collected yet

    assert policy.tick() is not None
    assert collections.on_threads() == {threading.get_ident()}
    assert all(ref() is None for ref in made)


def test_a_tick_below_the_threshold_collects_nothing(
    policy: CollectorPolicy, collections: Collections
) -> None:
    policy.start()
    gc.collect(0)
    collections.seen.clear()
    assert policy.tick() is None
    assert collections.seen == []
    assert policy.ticked == [0, 0, 0]


def test_garbage_is_reclaimed_within_a_bounded_number_of_ticks(policy: CollectorPolicy) -> None:
    """A cycle that outlives a young collection and only then becomes garbage is reclaimed once
    the older generation's turn comes: within its threshold's number of ticks, as the
    interpreter would, while the app keeps allocating as it does when runs stream."""
    policy.start()
    young, middle, _ = gc.get_threshold()
    holder: list[Node] = []
    a, b = Node(), Node()
    a.other, b.other = b, a
    holder.append(a)
    cycle = weakref.ref(a)
    del a, b
    kept: list[list[int]] = []

    def frame() -> int | None:
        # A frame's worth of new objects that stay alive (the young generation fills up; twice
        # over, because objects other threads free meanwhile count against it).
        kept.extend([i] for i in range(2 * young))
        return policy.tick()

    assert frame() is not None  # the cycle, alive, survives into the next generation
    holder.clear()  # now it is garbage, out of the youngest generation's reach
    ticks = 0
    while cycle() is not None and ticks < 10 * middle:
        frame()
        ticks += 1
    assert cycle() is None
    assert ticks <= middle + 1
    assert sum(policy.ticked) == ticks + 1


def test_memory_stays_bounded_while_cycles_are_made_between_ticks(
    policy: CollectorPolicy,
) -> None:
    policy.start()
    refs: list[weakref.ref[Node]] = []
    for _ in range(50):
        refs.extend(garbage_cycle() for _ in range(gc.get_threshold()[0]))
        policy.tick()
    alive = sum(1 for ref in refs if ref() is not None)
    assert alive <= gc.get_threshold()[0]  # at most what the last tick did not yet see


def test_stop_restores_the_interpreters_collector(
    policy: CollectorPolicy, collector_enabled: None
) -> None:
    policy.start()
    assert not gc.isenabled()
    policy.stop()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert policy._on_collection not in gc.callbacks
    assert policy.tick() is None  # stopped: the interpreter collects on its own again


def test_stop_leaves_a_collector_that_was_off_off(policy: CollectorPolicy) -> None:
    gc.disable()
    policy.start()
    policy.stop()
    assert not gc.isenabled()

"""The collector policy: the history frozen, full collections walking only recent objects,
and frozen garbage reclaimed by a tidy at a quiet moment."""

from __future__ import annotations

import gc
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

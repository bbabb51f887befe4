"""The rate budget: sliding window, priorities, header re-synchronisation, 429 pauses."""

from __future__ import annotations

import asyncio

import pytest

from fizzly_desktop.api import BudgetState, Priority, RateBudget
from fizzly_desktop.api.budget import BudgetSlot
from tests.unit.api.conftest import FakeClock


async def settle(predicate: object, *, turns: int = 200) -> None:
    """Let the event loop run until ``predicate()`` holds (a bounded number of turns)."""
    for _ in range(turns):
        if predicate():  # type: ignore[operator]
            return
        await asyncio.sleep(0)
    raise AssertionError("condition not reached")


def headers(limit: int, remaining: int, reset_in: float | None, clock: FakeClock) -> dict[str, str]:
    out = {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(remaining)}
    if reset_in is not None:
        out["X-RateLimit-Reset"] = str(clock.wall() + reset_in)
    return out


async def take_answered(budget: RateBudget, n: int) -> list[BudgetSlot]:
    slots = []
    for _ in range(n):
        slot = await budget.acquire()
        budget.observe(slot, {})
        slots.append(slot)
    return slots


async def test_a_fresh_budget_lets_one_request_through_until_the_first_answer(
    clock: FakeClock,
) -> None:
    budget = clock.budget()
    probe = await budget.acquire()
    second = asyncio.create_task(budget.acquire())
    await settle(lambda: budget.state().waiting == 1)
    for _ in range(20):
        await asyncio.sleep(0)
    assert not second.done()
    budget.observe(probe, {})
    slot = await second
    assert slot.sent_at == clock.now
    assert clock.slept == []


async def test_without_headers_the_local_window_holds(clock: FakeClock) -> None:
    budget = clock.budget(limit=3, window=10.0)
    start = clock.now
    await take_answered(budget, 3)
    assert budget.state().remaining == 0
    assert clock.now == start
    await take_answered(budget, 1)
    # The fourth waited until the first left the window.
    assert clock.now - start == pytest.approx(10.0)
    state = budget.state()
    assert (state.limit, state.remaining) == (3, 2)


async def test_waiters_are_served_by_priority_then_in_order(clock: FakeClock) -> None:
    budget = clock.budget(limit=100)
    probe = await budget.acquire()
    served: list[str] = []

    async def request(name: str, priority: Priority) -> None:
        slot = await budget.acquire(priority)
        served.append(name)
        budget.observe(slot, {})

    order = [
        ("poll", Priority.BACKGROUND),
        ("batch-1", Priority.BATCH),
        ("track", Priority.TRACKING),
        ("batch-2", Priority.BATCH),
        ("cancel", Priority.CANCEL),
        ("click", Priority.INTERACTIVE),
    ]
    tasks = [asyncio.create_task(request(name, prio)) for name, prio in order]
    await settle(lambda: budget.state().waiting == len(order))
    budget.observe(probe, {})
    await asyncio.gather(*tasks)
    assert served == ["cancel", "click", "track", "batch-1", "batch-2", "poll"]


async def test_priority_decides_who_gets_a_freed_slot(clock: FakeClock) -> None:
    budget = clock.budget(limit=1, window=5.0)
    await take_answered(budget, 1)
    served: list[Priority] = []

    async def request(priority: Priority) -> None:
        slot = await budget.acquire(priority)
        served.append(priority)
        budget.observe(slot, {})

    low = asyncio.create_task(request(Priority.BACKGROUND))
    await settle(lambda: budget.state().waiting == 1)
    high = asyncio.create_task(request(Priority.CANCEL))
    await asyncio.gather(low, high)
    assert served == [Priority.CANCEL, Priority.BACKGROUND]


async def test_headers_announce_the_limit_and_what_others_used(clock: FakeClock) -> None:
    budget = clock.budget()
    slot = await budget.acquire()
    # The service counts 8 of 10: this request plus 7 made elsewhere with the same key.
    budget.observe(slot, headers(10, 2, 30.0, clock))
    state = budget.state()
    assert (state.limit, state.remaining) == (10, 2)
    await take_answered(budget, 2)
    start = clock.now
    await take_answered(budget, 1)
    # The others' requests leave at the announced reset.
    assert clock.now - start == pytest.approx(30.0, abs=0.01)


async def test_remaining_zero_waits_for_the_reset(clock: FakeClock) -> None:
    budget = clock.budget()
    slot = await budget.acquire()
    budget.observe(slot, headers(5, 0, 12.0, clock))
    assert budget.state().remaining == 0
    start = clock.now
    await budget.acquire()
    assert clock.now - start == pytest.approx(12.0, abs=0.01)


async def test_the_window_is_learned_from_the_first_reset(clock: FakeClock) -> None:
    budget = clock.budget()
    slot = await budget.acquire()
    clock.now += 0.01  # the answer's latency
    budget.observe(slot, headers(20, 19, 1.99, clock))
    state = budget.state()
    assert state.limit == 20
    assert state.window == pytest.approx(2.0, abs=0.02)


async def test_slots_the_service_no_longer_counts_are_dropped(clock: FakeClock) -> None:
    budget = clock.budget(limit=5, window=60.0)
    slots = await take_answered(budget, 5)
    assert budget.state().remaining == 0
    # The service says only 2 of those 5 still count (its window is shorter than assumed).
    budget.observe(slots[-1], headers(5, 3, 1.0, clock))
    assert budget.state().remaining == 3
    start = clock.now
    await take_answered(budget, 1)
    assert clock.now == start
    assert budget.state().remaining == 2


async def test_in_flight_requests_are_not_dropped_by_an_earlier_answer(clock: FakeClock) -> None:
    budget = clock.budget(limit=3, window=60.0)
    first = await budget.acquire()
    budget.observe(first, headers(3, 2, 60.0, clock))
    second = await budget.acquire()
    third = await budget.acquire()
    # The third's answer arrives first; the service had not yet counted the second.
    budget.observe(third, headers(3, 1, 60.0, clock))
    assert budget.state().remaining == 0
    budget.observe(second, headers(3, 0, 60.0, clock))
    assert budget.state().remaining == 0


async def test_a_429_pause_holds_every_request(clock: FakeClock) -> None:
    budget = clock.budget()
    slot = await budget.acquire()
    budget.observe(slot, headers(60, 0, 30.0, clock), counted=False)
    budget.pause(30)
    assert budget.state().paused_until == pytest.approx(clock.wall() + 30)
    start = clock.now
    await budget.acquire(Priority.CANCEL)
    assert clock.now - start >= 30.0


async def test_a_slot_that_never_left_is_given_back(clock: FakeClock) -> None:
    budget = clock.budget(limit=2)
    await take_answered(budget, 1)
    slot = await budget.acquire()
    assert budget.state().remaining == 0
    budget.release(slot)
    assert budget.state().remaining == 1


async def test_a_cancelled_waiter_leaves_the_queue(clock: FakeClock) -> None:
    budget = clock.budget(limit=10)
    probe = await budget.acquire()
    first = asyncio.create_task(budget.acquire(Priority.CANCEL))
    second = asyncio.create_task(budget.acquire(Priority.BATCH))
    await settle(lambda: budget.state().waiting == 2)
    first.cancel()
    await settle(lambda: budget.state().waiting == 1)
    budget.observe(probe, {})
    slot = await second
    assert isinstance(slot, BudgetSlot)
    assert first.cancelled()


async def test_subscribers_see_every_change_until_they_leave(clock: FakeClock) -> None:
    budget = clock.budget(limit=4)
    seen: list[BudgetState] = []
    unsubscribe = budget.subscribe(seen.append)
    slot = await budget.acquire()
    budget.observe(slot, headers(4, 3, 60.0, clock))
    assert seen
    assert seen[-1].remaining == 3
    assert seen[-1].limit == 4
    assert seen[-1].reset_at is not None
    assert seen[-1].reset_at > clock.wall()
    count = len(seen)
    unsubscribe()
    await take_answered(budget, 1)
    assert len(seen) == count


async def test_a_failing_subscriber_does_not_break_the_budget(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    budget = clock.budget()

    def broken(state: BudgetState) -> None:
        raise RuntimeError("status bar gone")

    budget.subscribe(broken)
    await take_answered(budget, 2)
    assert budget.state().remaining == 58
    assert "subscriber failed" in caplog.text


async def test_unreadable_headers_are_ignored(clock: FakeClock) -> None:
    budget = clock.budget(limit=3)
    slot = await budget.acquire()
    budget.observe(
        slot,
        {"X-RateLimit-Limit": "many", "X-RateLimit-Remaining": "-4", "X-RateLimit-Reset": "soon"},
    )
    state = budget.state()
    assert (state.limit, state.remaining) == (3, 2)


def test_one_budget_per_key_and_origin_without_keeping_the_key() -> None:
    key = "fiz_live_registrykey_0123456789"
    first = RateBudget.for_key(key, "https://queue.fizzly.ai")
    assert RateBudget.for_key(key, "https://queue.fizzly.ai:443/ignored/path") is first
    assert RateBudget.for_key(key, "http://127.0.0.1:8000") is not first
    assert RateBudget.for_key(key + "x", "https://queue.fizzly.ai") is not first
    assert key not in repr(RateBudget._registry)
    assert all(key not in name for name in RateBudget._registry)
    assert key not in repr(first)


async def test_answers_out_of_order_never_free_a_counted_slot(clock: FakeClock) -> None:
    budget = clock.budget(limit=3, window=60.0)
    first = await budget.acquire()
    budget.observe(first, headers(3, 2, 60.0, clock))
    budget.release(first)  # start the burst from an empty window
    a, b, c = [await budget.acquire() for _ in range(3)]
    clock.now += 0.1
    # The service took b last (count 3) but answered it first, then a (count 1), then c.
    budget.observe(b, headers(3, 0, 60.0, clock))
    budget.observe(a, headers(3, 2, 60.0, clock))
    budget.observe(c, headers(3, 1, 60.0, clock))
    assert budget.state().remaining == 0


async def test_a_slot_counts_from_its_answer(clock: FakeClock) -> None:
    budget = clock.budget(limit=1, window=10.0)
    slot = await budget.acquire()
    clock.now += 0.5  # the service may have counted it at any time until its answer
    budget.observe(slot, {})
    start = clock.now
    await budget.acquire()
    assert clock.now - start == pytest.approx(10.0)


async def test_a_429_after_learning_widens_the_window_for_good(clock: FakeClock) -> None:
    budget = clock.budget()
    slot = await budget.acquire()
    budget.observe(slot, headers(20, 19, 2.0, clock))
    learned = budget.state().window
    assert learned == pytest.approx(2.0)
    refused = await budget.acquire()
    budget.observe(refused, headers(20, 0, 1.0, clock), counted=False)
    widened = budget.state().window
    assert widened > learned * 1.05
    # A later, shorter sample does not bring back the window that earned the 429.
    clock.now += 10
    again = await budget.acquire()
    budget.observe(again, headers(20, 19, learned, clock))
    assert budget.state().window == pytest.approx(widened)

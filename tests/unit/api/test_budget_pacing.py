"""Pacing to the rate window's real edge: Reset in whole seconds, the service's clock, spreading.

The service here is the sandbox's own sliding window (``SlidingWindowLimiter``) on a virtual
clock: time moves only when every task waits, to the next timer, so the figures are exact and
the tests never wait.
"""

from __future__ import annotations

import asyncio
import email.utils
import heapq
import itertools

import pytest

from fizzly_desktop.api import Priority, RateBudget
from fizzly_desktop.api.budget import ServerClock
from fizzly_desktop.sandbox.ratelimit import SlidingWindowLimiter

#: A Unix time with a fraction, so that the service's whole seconds fall anywhere.
WALL_AT_START = 1_800_000_000.37


class VirtualClock:
    """Monotonic and wall time that jump to the next timer once every task waits."""

    def __init__(self, wall_at_start: float = WALL_AT_START) -> None:
        self.now = 0.0
        self._wall_offset = wall_at_start
        self._timers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def __call__(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now + self._wall_offset

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._timers, (self.now + max(0.0, seconds), next(self._seq), future))
        await future

    async def run(self, work: asyncio.Future[object], *, turns: int = 50) -> None:
        """Drive ``work`` to its end, moving time forward whenever nothing else can run."""
        while not work.done():
            for _ in range(turns):
                await asyncio.sleep(0)
            while self._timers and self._timers[0][2].done():
                heapq.heappop(self._timers)  # a cancelled sleep
            if work.done():
                break
            if not self._timers:
                raise AssertionError("every task waits and no timer is set")
            at, _, future = heapq.heappop(self._timers)
            self.now = max(self.now, at)
            future.set_result(None)


class Service:
    """The sandbox's limiter behind a request that takes ``latency`` each way."""

    def __init__(
        self,
        clock: VirtualClock,
        limit: int,
        window: float,
        *,
        latency: float = 0.004,
        server_ahead: float = 0.0,
    ) -> None:
        self.clock = clock
        self.latency = latency
        self.server_ahead = server_ahead
        self.limiter = SlidingWindowLimiter(
            limit, window, monotonic=clock, wall=lambda: clock.wall() + server_ahead
        )
        self.accepted: list[float] = []
        self.refused = 0

    async def request(self, budget: RateBudget, priority: Priority) -> None:
        slot = await budget.acquire(priority)
        await self.clock.sleep(self.latency)
        decision = self.limiter.hit("key")
        if decision.allowed:
            self.accepted.append(self.clock.now)
        else:
            self.refused += 1
        headers = decision.headers()
        headers["Date"] = email.utils.formatdate(self.clock.wall() + self.server_ahead, usegmt=True)
        await self.clock.sleep(self.latency)
        budget.observe(slot, headers, counted=decision.allowed)


def virtual_budget(clock: VirtualClock, edge_probes: int | None = None) -> RateBudget:
    return RateBudget(
        clock=clock, wall_clock=clock.wall, sleep=clock.sleep, edge_probes=edge_probes
    )


async def submit_all(service: Service, budget: RateBudget, count: int) -> None:
    work = asyncio.gather(*(service.request(budget, Priority.BATCH) for _ in range(count)))
    await service.clock.run(work)
    await work


@pytest.mark.parametrize("wall_at_start", [WALL_AT_START, 1_800_000_000.0, 1_800_000_000.93])
async def test_151_submits_keep_within_the_window_and_close_to_its_edge(
    wall_at_start: float,
) -> None:
    clock = VirtualClock(wall_at_start)
    service = Service(clock, limit=10, window=4.0)
    budget = virtual_budget(clock)
    await submit_all(service, budget, 151)
    assert service.refused == 0
    assert len(service.accepted) == 151
    # From the first, a sliding window lets the 151st through 15 windows later at the soonest.
    whole = service.accepted[-1] - service.accepted[0]
    assert 60.0 <= whole <= 60.0 / 0.97
    # The window is learned to within the spread of the first requests (0.1 s) and a latency.
    assert 4.0 <= budget.state().window <= 4.0 + 0.1 + 2 * service.latency


async def test_the_first_window_is_spread_over_one_second_of_reset_rounding() -> None:
    clock = VirtualClock()
    service = Service(clock, limit=10, window=4.0)
    budget = virtual_budget(clock, edge_probes=0)  # no slot held back to probe the edge
    await submit_all(service, budget, 20)
    first_ten = service.accepted[:10]
    gaps = [b - a for a, b in itertools.pairwise(first_ten)]
    # The first goes alone until its answer tells the limit; each next 1/limit s after the last.
    assert all(gap == pytest.approx(0.1) for gap in gaps)


async def test_a_click_is_never_held_back_to_spread_the_window() -> None:
    clock = VirtualClock()
    service = Service(clock, limit=10, window=4.0)
    budget = virtual_budget(clock)
    await submit_all(service, budget, 1)
    started = clock.now
    work = asyncio.gather(*(service.request(budget, Priority.INTERACTIVE) for _ in range(5)))
    await clock.run(work)
    assert clock.now - started == pytest.approx(2 * service.latency)


async def test_a_fractional_reset_needs_no_spreading() -> None:
    clock = VirtualClock()
    budget = virtual_budget(clock)
    first = await budget.acquire(Priority.BATCH)
    budget.observe(
        first,
        {"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "9", "X-RateLimit-Reset": "12.5"},
    )
    started = clock.now
    for _ in range(5):
        await budget.acquire(Priority.BATCH)
    assert clock.now == started


async def test_a_service_clock_seconds_ahead_does_not_shorten_the_window() -> None:
    clock = VirtualClock()
    service = Service(clock, limit=10, window=4.0, server_ahead=7.25)
    budget = virtual_budget(clock)
    await submit_all(service, budget, 41)
    assert service.refused == 0
    assert budget.server_clock.low <= 7.25 <= budget.server_clock.high
    assert budget.state().window == pytest.approx(4.0, abs=0.15)


def test_date_headers_bound_the_clock_difference() -> None:
    server = ServerClock()
    assert server.offset == 0.0
    # Answered 0.2 s after sending; the service said 12:00:03 while this computer read 12:00:00.4.
    local = 1_800_000_000.4
    server.observe(email.utils.formatdate(local + 2.9, usegmt=True), local - 0.2, local)
    assert server.low == pytest.approx(int(local + 2.9) - local)
    assert server.high == pytest.approx(int(local + 2.9) + 1 - (local - 0.2))
    assert server.offset == pytest.approx(server.low)
    # Clocks that agree within Date's resolution are taken as agreeing.
    agreeing = ServerClock()
    agreeing.observe(email.utils.formatdate(local, usegmt=True), local - 0.01, local)
    assert agreeing.offset == 0.0
    # An unreadable Date changes nothing.
    agreeing.observe("soon", local, local)
    assert agreeing.offset == 0.0


def test_a_clock_set_between_answers_starts_the_measure_again() -> None:
    server = ServerClock()
    local = 1_800_000_000.5
    server.observe(email.utils.formatdate(local, usegmt=True), local - 0.1, local)
    server.observe(email.utils.formatdate(local + 30, usegmt=True), local, local + 0.1)
    assert server.low > 29.0


async def test_requests_the_service_let_go_teach_a_shorter_window() -> None:
    clock = VirtualClock(1_800_000_000.0)
    service = Service(clock, limit=10, window=4.0)
    budget = virtual_budget(clock, edge_probes=0)  # no slot held back to probe the edge
    await submit_all(service, budget, 10)
    # Every Reset so far was the first request's, rounded up by almost a whole second.
    assert budget.state().window == pytest.approx(5.0, abs=0.01)
    await submit_all(service, budget, 1)
    # The eleventh found the other nine gone already: the window is at most the time since
    # the ninth was sent.
    assert budget.state().window < 4.2


# --- probing the first window's edge ----------------------------------------------------------


async def batch_run(wall_at_start: float, edge_probes: int | None) -> tuple[Service, RateBudget]:
    """The engine benchmark's shape: 240 batch requests, 100 per 10 s."""
    clock = VirtualClock(wall_at_start)
    service = Service(clock, limit=100, window=10.0)
    budget = virtual_budget(clock, edge_probes)
    await submit_all(service, budget, 240)
    return service, budget


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.37, 0.6, 0.93])
async def test_probing_the_first_edge_keeps_a_batch_close_to_the_limit(fraction: float) -> None:
    service, budget = await batch_run(1_800_000_000 + fraction, None)
    assert service.refused == 0
    assert len(service.accepted) == 240
    # From the first, the 240th can go two windows later at the soonest.
    whole = service.accepted[-1] - service.accepted[0]
    assert 20.0 <= whole <= 20.0 / 0.95
    assert budget.state().window == pytest.approx(10.0, abs=0.05)


async def test_without_probes_the_rounding_of_the_first_reset_is_lost() -> None:
    service, _ = await batch_run(1_800_000_000.0, 0)
    assert service.refused == 0
    # Reset rounded the first's leaving up by almost a second, and the second window waited
    # for all of it.
    whole = service.accepted[-1] - service.accepted[0]
    assert whole > 20.0 / 0.95


async def test_a_small_limit_holds_no_slot_back_for_probing() -> None:
    clock = VirtualClock()
    service = Service(clock, limit=9, window=4.0)
    budget = virtual_budget(clock)
    await submit_all(service, budget, 9)
    # All nine go in the first second (spread over the rounding), none waits for the edge.
    assert service.accepted[-1] - service.accepted[0] < 1.0

"""The per-key rate budget: a local mirror of the service's sliding window, served by priority.

Every request of a key (submit, status, stream open, result, cancel) first takes a slot from
the key's ``RateBudget``. The budget mirrors the service's sliding window (60 requests per 60 s
by default), re-synchronises from the ``X-RateLimit-*`` headers of every answer, and makes
requests *wait* for a free slot instead of earning a 429. Waiters are served strictly by
``Priority`` (then first come, first served).

Synchronisation, in short: a slot is counted from the moment it is granted until ``window``
seconds after its answer arrived (later than the service counts it, so never too early). Each
answer's ``Limit - Remaining`` is the number of requests the service holds in its window; the
budget compares it with the answered slots it holds up to that request and adds or drops slots
to agree. When the two agree exactly, ``Reset`` (when the service's oldest request leaves the
window) teaches the window's length. Until the first answer arrives only one request is let
through, so a fresh budget never floods a service whose limit it does not know yet.

Pacing to the window's real edge. ``Reset`` is a Unix time in the service's clock, and usually
in whole seconds, rounded up: one sample says only that the window is at most ``Reset`` minus
the request's send time, up to a second longer than it is. The smallest sample is the closest,
so the budget gathers samples whose rounding differs: while fewer than ``limit`` requests have
had their own reset reported, batch and background requests leave at least ``resolution /
limit`` apart (a window that fills anyway fills as early, but each request sits at a different
fraction of a second, and one of them lands within ``resolution / limit`` of the rounding). The
service's clock is read from ``Date``: its whole seconds bound the difference between the two
clocks, and ``Reset`` is read in the service's clock shifted by the smallest difference the
``Date`` headers allow (none when they agree with this computer's clock).

Probing the first edge. Until a request other than the first leaves the service's window, the
only ``Reset`` told is the first request's, so the window is known only to within the rounding
(up to a second), and waiting for its upper bound makes every later window that much late. The
budget keeps a lower bound too (the rounding, and each answer whose ``Remaining`` shows the
oldest request still counted), and until the first edge is found it holds the last few free
slots (``edge_probes``) back from batch and background requests until the middle of the span in
which the oldest request can leave: each such request is safe (a slot is free) and its answer's
``Remaining`` tells whether the oldest has gone (the window is then known from above to that
moment) or not (the lower bound rises to it), halving the span each time. A held slot costs the
first window one request, which at a batch's end can mean one window more: probing is done only
where slots are many against the window (their share of it well under the rounding) and the
window long against the rounding, as with 100 requests per 10 s, not with the API's default of
60 a minute.
"""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import enum
import hashlib
import heapq
import itertools
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from fizzly_desktop.api.urls import origin_of

__all__ = ["BudgetSlot", "BudgetState", "Priority", "RateBudget"]

log = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class Priority(enum.IntEnum):
    """Who goes first when requests wait for budget (lower is served first)."""

    CANCEL = 0
    """A cancel: stops spending money, so it jumps every queue."""
    INTERACTIVE = 1
    """Something the person just clicked (a single submit, a key check, a schema)."""
    TRACKING = 2
    """Following active runs (stream opens, re-synchronising status calls)."""
    BATCH = 3
    """Submits of a queued batch."""
    BACKGROUND = 4
    """Spare-budget work: queue positions, full results, history refresh."""


@dataclass(frozen=True, slots=True)
class BudgetState:
    """A snapshot of a budget, for the status bar.

    Attributes:
        limit: requests allowed per window (as last announced by the service).
        remaining: requests that may start right now.
        reset_at: Unix time when the next slot frees, or None when nothing is in the window.
        window: the window's length in seconds (as learned from the service).
        waiting: requests currently waiting for budget.
        paused_until: Unix time until which a 429's Retry-After holds every request, or None.
    """

    limit: int
    remaining: int
    reset_at: float | None
    window: float
    waiting: int
    paused_until: float | None


@dataclass(eq=False, slots=True)
class BudgetSlot:
    """One granted request. Hand it back with ``observe`` (answered) or ``release`` (never sent)."""

    sent_at: float
    counted_at: float
    answered: bool = False
    phantom: bool = False
    #: The service has told this slot's own reset (it was the oldest of its window).
    reported: bool = False


@dataclass(eq=False, slots=True)
class _Waiter:
    priority: int
    seq: int
    wake: asyncio.Future[None] | None = field(default=None)

    def __lt__(self, other: _Waiter) -> bool:
        return (self.priority, self.seq) < (other.priority, other.seq)


class ServerClock:
    """How far the service's clock may be from this computer's, from answers' ``Date`` headers.

    ``Date`` is the service's time in whole seconds when it answered, some time between the
    request's send and its answer: each answer bounds ``server time - local time`` to an
    interval about a second wide, and their intersection narrows as answers come at different
    fractions of a second.
    """

    def __init__(self) -> None:
        self.low = -math.inf
        self.high = math.inf

    def observe(self, date: str | None, sent_wall: float, answered_wall: float) -> None:
        if date is None:
            return
        try:
            when = email.utils.parsedate_to_datetime(date)
        except (TypeError, ValueError, IndexError):
            log.debug("ignoring unreadable Date header %r", date)
            return
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        stamp = when.timestamp()
        low, high = stamp - answered_wall, stamp + 1.0 - sent_wall
        if max(low, self.low) > min(high, self.high):
            # The clocks no longer agree with what was measured (one of them was set): start
            # over from this answer.
            self.low, self.high = low, high
        else:
            self.low, self.high = max(low, self.low), min(high, self.high)

    @property
    def offset(self) -> float:
        """Server time minus local time: the measured difference nearest to none."""
        return min(max(0.0, self.low), self.high)


def _header_number(headers: Mapping[str, str], name: str) -> float | None:
    raw = headers.get(name)
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        log.debug("ignoring unreadable %s header %r", name, raw)
        return None
    return value if math.isfinite(value) and value >= 0 else None


#: At most this many free slots are held back to probe the first window's edge (see above).
EDGE_PROBES = 2
#: Probes sent in all, at most: each halves what is left of a second's rounding.
MAX_PROBES = 8
#: The window is known well enough once its bounds are this close (seconds).
EDGE_TOLERANCE = 0.02


class RateBudget:
    """A sliding-window request budget shared by every client and task using one API key.

    Args:
        limit: requests per window assumed until the service announces its own.
        window: the window's length in seconds, until learned from the service.
        clock: monotonic time source in seconds (inject a fake one in tests).
        wall_clock: Unix time source, to read ``X-RateLimit-Reset``.
        sleep: how to wait ``n`` seconds of ``clock`` time; the default waits on the event
            loop. A fake clock's ``sleep`` advances the clock instead, so tests never wait.
    """

    _registry: ClassVar[dict[str, RateBudget]] = {}

    def __init__(
        self,
        limit: int = 60,
        window: float = 60.0,
        *,
        clock: Clock = time.monotonic,
        wall_clock: Clock = time.time,
        sleep: Sleep | None = None,
        edge_probes: int | None = None,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a rate budget needs a positive limit and window")
        self._limit = int(limit)
        self._window = float(window)
        self._clock = clock
        self._wall_clock = wall_clock
        self._sleep = sleep
        self._slots: list[BudgetSlot] = []
        self._waiters: list[_Waiter] = []
        self._seq = itertools.count()
        self._paused_until = -math.inf
        self._synchronised = False
        self._window_learned = False
        self._window_floor = 0.0
        #: The window is longer than this (learned from answers; 0 until then).
        self._window_low = 0.0
        #: Slots held back to probe the first edge; None: one per ten of the limit, at most
        #: EDGE_PROBES.
        self._edge_probes = edge_probes
        #: The last probe sent (the next waits for its answer), and how many were sent.
        self._probe: BudgetSlot | None = None
        self._probes_sent = 0
        #: A slot has left the window (by the service's count or the local one).
        self._window_turned = False
        #: No slot was counted before this (a slot's count only moves later, to its answer).
        self._counted_since = math.inf
        self._granting_probe = False
        self._subscribers: list[Callable[[BudgetState], None]] = []
        self.server_clock = ServerClock()
        #: Seconds ``Reset`` is rounded to: whole seconds until a fractional one is seen.
        self._reset_resolution = 1.0
        #: Distinct slots whose own reset the service reported (see the module doc).
        self._reported = 0
        self._last_grant = -math.inf

    @classmethod
    def for_key(cls, api_key: str, base_url: str) -> RateBudget:
        """The one budget of ``api_key`` at ``base_url``'s origin, shared across the process.

        The registry is keyed by a hash: the key itself is not kept here.
        """
        digest = hashlib.sha256(f"{origin_of(base_url)}\n{api_key}".encode()).hexdigest()
        budget = cls._registry.get(digest)
        if budget is None:
            budget = cls._registry[digest] = cls()
        return budget

    def __repr__(self) -> str:
        state = self.state()
        return (
            f"<RateBudget {state.remaining}/{state.limit} per {state.window:g}s, "
            f"{state.waiting} waiting>"
        )

    # --- observing -----------------------------------------------------------------------

    def state(self) -> BudgetState:
        """The budget as it stands now."""
        now = self._clock()
        self._prune(now)
        offset = self._wall_clock() - now
        reset_at = None
        if self._slots:
            reset_at = min(s.counted_at for s in self._slots) + self._window + offset
        paused = self._paused_until + offset if self._paused_until > now else None
        return BudgetState(
            limit=self._limit,
            remaining=max(0, self._limit - len(self._slots)),
            reset_at=reset_at,
            window=self._window,
            waiting=len(self._waiters),
            paused_until=paused,
        )

    def subscribe(self, callback: Callable[[BudgetState], None]) -> Callable[[], None]:
        """Call ``callback(state)`` after every change; returns a function that unsubscribes.

        Changes can come at every request: a status bar should coalesce them.
        """
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    # --- taking and returning slots --------------------------------------------------------

    async def acquire(self, priority: Priority = Priority.INTERACTIVE) -> BudgetSlot:
        """Wait for a slot, served by ``priority``; the returned slot is already counted."""
        loop = asyncio.get_running_loop()
        waiter = _Waiter(int(priority), next(self._seq))
        heapq.heappush(self._waiters, waiter)
        self._notify()
        try:
            while True:
                delay: float | None = None
                if self._waiters[0] is waiter:
                    now = self._clock()
                    delay = self._delay(now, waiter.priority)
                    if delay == 0.0:
                        heapq.heappop(self._waiters)
                        slot = BudgetSlot(sent_at=now, counted_at=now)
                        self._slots.append(slot)
                        self._counted_since = min(self._counted_since, now)
                        self._last_grant = now
                        if self._granting_probe:
                            self._probe = slot
                            self._probes_sent += 1
                        self._wake_head()
                        self._notify()
                        return slot
                waiter.wake = loop.create_future()
                await self._wait(waiter.wake, delay)
        except BaseException:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
                heapq.heapify(self._waiters)
                self._wake_head()
                self._notify()
            raise

    def release(self, slot: BudgetSlot) -> None:
        """Give back a slot whose request never reached the service (a failed connect)."""
        if slot in self._slots:
            self._slots.remove(slot)
        self._changed()

    def observe(
        self, slot: BudgetSlot, headers: Mapping[str, str], *, counted: bool = True
    ) -> None:
        """Record the answer to ``slot``'s request and re-synchronise from its headers.

        Args:
            slot: the slot the request was sent under.
            headers: the answer's headers (``X-RateLimit-Limit``/``-Remaining``/``-Reset``);
                when they are missing the local window alone is kept, which stays correct.
            counted: False when the service refused the request without counting it (a 429).
        """
        now = self._clock()
        slot.answered = True
        self._synchronised = True
        if not counted:
            self.release(slot)
            if self._window_learned:
                # The local window let through a request the service refused: others use the
                # key (the headers add them below), or the window was learned too short (a
                # service that rounds its Reset down). A wider window is safe for both.
                self._window_floor = self._window * 1.1 + 0.1
                self._window = self._window_floor
                log.info("rate window widened to %.3f s after a 429", self._window)
        elif slot in self._slots:
            slot.counted_at = max(slot.counted_at, now)
        headers = {name.lower(): value for name, value in headers.items()}
        skew = self._wall_clock() - now
        self.server_clock.observe(headers.get("date"), slot.sent_at + skew, now + skew)
        limit = _header_number(headers, "x-ratelimit-limit")
        remaining = _header_number(headers, "x-ratelimit-remaining")
        reset = _header_number(headers, "x-ratelimit-reset")
        if limit is not None and limit >= 1:
            self._limit = int(limit)
        if reset is not None and not reset.is_integer():
            self._reset_resolution = 1e-3
        if remaining is not None:
            self._resynchronise(slot, now, int(self._limit - remaining), reset)
        self._changed()

    def pause(self, seconds: float) -> None:
        """Hold every request for ``seconds`` (a 429's ``Retry-After``)."""
        until = self._clock() + max(0.0, seconds)
        if until > self._paused_until:
            self._paused_until = until
            log.info("rate limit reached: pausing requests for %.1f s", seconds)
        self._changed()

    # --- internals -------------------------------------------------------------------------

    def _resynchronise(self, slot: BudgetSlot, now: float, used: int, reset: float | None) -> None:
        """Agree with the service, which counted ``used`` requests when it took ``slot``'s.

        Requests run concurrently, so the service's count at that moment lies between the
        slots certainly counted before it (answered before this one was sent, plus this one)
        and every slot sent by now. Outside those bounds the local window is corrected.
        """
        self._prune(now)
        reset_mono = None
        if reset is not None:
            reset_mono = now + (reset - self.server_clock.offset - self._wall_clock())
        definite = sorted(
            (s for s in self._slots if s is slot or (s.answered and s.counted_at <= slot.sent_at)),
            key=lambda s: s.counted_at,
        )
        possible = len(self._slots)
        if used > possible:
            # Requests this budget did not make (another app, an earlier run): count them
            # until the service's announced reset.
            at = now if reset_mono is None else min(now, reset_mono - self._window)
            for _ in range(used - possible):
                self._slots.append(
                    BudgetSlot(sent_at=at, counted_at=at, answered=True, phantom=True)
                )
            self._counted_since = min(self._counted_since, at)
        elif used < len(definite):
            # The service already let go of the oldest ones: its window is shorter than ours.
            gone = len(definite) - used
            self._window_turned = True
            for stale in definite[:gone]:
                if stale is not slot:
                    self._slots.remove(stale)
            if not any(s.phantom for s in definite):
                # At least ``gone`` of them left before this request was counted (by its
                # answer), each sent no later than the ``gone``-th send: the window is at most
                # the time between the two.
                self._learn_window(now - sorted(s.sent_at for s in definite)[gone - 1])
        elif (
            used == len(definite)
            and used > 0
            and reset_mono is not None
            and not any(s.phantom for s in definite)
        ):
            # Exactly these requests are counted: the oldest leaves the service's window at
            # ``reset``, which bounds the window's length from above (it was sent earlier
            # than the service counted it).
            oldest = min(definite, key=lambda s: s.sent_at)
            if not oldest.reported:
                oldest.reported = True
                self._reported += 1
            self._learn_window(reset_mono - oldest.sent_at)
            if reset is not None:
                self._learn_window_low(slot, oldest, reset, now)

    def _learn_window(self, candidate: float) -> None:
        if not max(0.05, self._window_floor) <= candidate <= 24 * 3600:
            return
        # Every sample over-estimates by the request's latency: the smallest is the closest.
        if not self._window_learned or candidate < self._window:
            if not math.isclose(candidate, self._window, rel_tol=1e-3):
                log.debug("rate window learned: %.3f s", candidate)
            self._window = candidate
            self._window_learned = True

    def _learn_window_low(
        self, slot: BudgetSlot, oldest: BudgetSlot, reset: float, now: float
    ) -> None:
        """Raise the window's lower bound from an answer that counted ``oldest`` still.

        The service counted ``oldest`` no later than its answer (``counted_at``) and ``slot``
        no earlier than its send, with ``oldest`` still in the window: the window is longer than
        the time between the two. And ``Reset`` is rounded up by at most its resolution from
        the moment ``oldest`` leaves, read in the service's clock at its latest.
        """
        lows = [slot.sent_at - oldest.counted_at] if oldest is not slot else []
        ahead = self.server_clock.high
        if math.isfinite(ahead):
            reset_earliest = now + (reset - ahead - self._wall_clock())
            lows.append(reset_earliest - self._reset_resolution - oldest.counted_at)
        low = max(lows, default=0.0)
        if low > self._window_low:
            self._window_low = min(low, self._window)

    def _probes(self) -> int:
        """How many free slots batch and background requests leave for probing, now."""
        if self._edge_probes is not None:
            probes = self._edge_probes
        else:
            # A held slot costs the first window one request: at a batch's end that can be a
            # whole window more. Worth it only where slots are many against the window
            # (their share of it well under the rounding) and the window is long against the
            # rounding; with the API's 60 a minute it is not.
            probes = min(EDGE_PROBES, self._limit // 10)
            resolution = self._reset_resolution
            if (
                self._window < 4.0 * resolution
                or probes * self._window / self._limit > resolution / 4.0
            ):
                probes = 0
        if (
            probes <= 0
            or self._probes_sent >= MAX_PROBES
            or self._window_turned  # the first edge is found: later ones follow from it
            or not self._synchronised
            or not self._slots
            or self._window - self._window_low <= EDGE_TOLERANCE
        ):
            return 0
        return probes

    def _probe_at(self) -> float:
        """When to send the next request that asks whether the oldest slot has left: the middle
        of the span in which it can leave, as far as the window's bounds tell."""
        oldest = min(self._slots, key=lambda s: s.counted_at)
        earliest = oldest.sent_at + self._window_low
        latest = oldest.counted_at + self._window
        return (earliest + latest) / 2.0

    def _prune(self, now: float) -> None:
        horizon = now - self._window
        if self._counted_since > horizon:
            return  # nothing can have left yet: no walk over thousands of slots per request
        kept = [s for s in self._slots if s.counted_at > horizon]
        if len(kept) < len(self._slots):
            self._slots = kept
            self._window_turned = True
        self._counted_since = min((s.counted_at for s in kept), default=math.inf)

    def _delay(self, now: float, priority: int) -> float | None:
        """0 when a slot is free now, else seconds to wait, or None to wait for an answer."""
        if self._paused_until > now:
            return self._paused_until - now
        if not self._synchronised and any(not s.answered for s in self._slots):
            return None
        self._prune(now)
        free = self._limit - len(self._slots)
        if free <= 0:
            return max(1e-3, min(s.counted_at for s in self._slots) + self._window - now)
        self._granting_probe = False
        if priority >= Priority.BATCH and free <= self._probes():
            # The last free slots probe the window's edge (see the module doc), one at a time.
            probe = self._probe
            if probe is not None and not probe.answered and probe in self._slots:
                return None
            wait = self._probe_at() - now
            if wait > 1e-4:
                return wait
            self._granting_probe = True
            return 0.0
        if priority >= Priority.BATCH and self._reported < self._limit:
            # Spread while the window is learned (see the module doc); never a user's click.
            spread = self._last_grant + self._reset_resolution / self._limit - now
            if spread > 1e-4:
                return spread
        return 0.0

    async def _wait(self, wake: asyncio.Future[None], delay: float | None) -> None:
        if delay is None:
            await wake
        elif self._sleep is None:
            try:
                async with asyncio.timeout(delay):
                    await wake
            except TimeoutError:
                pass
        else:
            sleeper = asyncio.ensure_future(self._sleep(delay))
            try:
                await asyncio.wait((wake, sleeper), return_when=asyncio.FIRST_COMPLETED)
            finally:
                sleeper.cancel()

    def _wake_head(self) -> None:
        if self._waiters:
            wake = self._waiters[0].wake
            if wake is not None and not wake.done():
                wake.set_result(None)

    def _changed(self) -> None:
        self._wake_head()
        self._notify()

    def _notify(self) -> None:
        if not self._subscribers:
            return
        state = self.state()
        for callback in list(self._subscribers):
            try:
                callback(state)
            except Exception:
                log.exception("a rate budget subscriber failed")

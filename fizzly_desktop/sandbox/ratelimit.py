"""Sliding-window rate limit per API key, with the numbers for the X-RateLimit-* headers."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RateDecision:
    """The verdict on one request and the budget left after it."""

    allowed: bool
    limit: int
    remaining: int
    reset_at: int  # Unix timestamp (whole seconds) when the oldest counted request leaves
    retry_after: int  # seconds until a request would be accepted again (0 when allowed)

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_at),
        }


class SlidingWindowLimiter:
    """At most ``limit`` accepted requests in any ``window`` seconds, per key.

    Refused requests are not recorded: a client that backs off after a 429 gets its budget
    back exactly ``window`` seconds after its oldest counted request.
    """

    def __init__(
        self,
        limit: int,
        window: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        on_hit: Callable[[str, float, float], None] | None = None,
    ) -> None:
        self.limit = limit
        self.window = window
        self._monotonic = monotonic
        self._wall = wall
        self._hits: dict[str, deque[float]] = {}
        # Told (key, wall time of the hit, wall time before which hits no longer count) of
        # each accepted request, so that a restarted server keeps the window.
        self._on_hit = on_hit

    def restore(self, hits: dict[str, list[float]]) -> None:
        """Count earlier accepted requests, given by wall-clock time, oldest first."""
        now_mono, now_wall = self._monotonic(), self._wall()
        for key, times in hits.items():
            window = self._hits.setdefault(key, deque())
            window.extend(now_mono - (now_wall - at) for at in times if at > now_wall - self.window)

    def hit(self, key: str) -> RateDecision:
        now = self._monotonic()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        allowed = len(hits) < self.limit
        if allowed:
            hits.append(now)
            if self._on_hit is not None:
                wall = self._wall()
                self._on_hit(key, wall, wall - self.window)
        oldest = hits[0] if hits else now
        frees_in = max(0.0, oldest + self.window - now)
        reset_at = math.ceil(self._wall() + frees_in)
        retry_after = 0 if allowed else max(1, math.ceil(frees_in))
        return RateDecision(allowed, self.limit, self.limit - len(hits), reset_at, retry_after)

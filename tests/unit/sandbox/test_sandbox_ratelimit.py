"""The sandbox's sliding-window limiter, on a hand-driven clock."""

from __future__ import annotations

from fizzly_desktop.sandbox.ratelimit import SlidingWindowLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(limit: int = 3, window: float = 10.0) -> tuple[SlidingWindowLimiter, Clock]:
    clock = Clock()
    # Wall time runs alongside monotonic time, offset so Reset is a plausible Unix timestamp.
    limiter = SlidingWindowLimiter(
        limit, window, monotonic=clock, wall=lambda: clock.now + 1_700_000_000
    )
    return limiter, clock


def test_allows_up_to_the_limit_then_refuses() -> None:
    limiter, _clock = make()
    decisions = [limiter.hit("k") for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    assert decisions[3].retry_after == 10
    assert decisions[0].retry_after == 0


def test_window_slides_request_by_request() -> None:
    limiter, clock = make()
    limiter.hit("k")
    clock.now += 4
    limiter.hit("k")
    limiter.hit("k")
    refused = limiter.hit("k")
    assert not refused.allowed
    assert refused.retry_after == 6  # the first request leaves the window 6 s from now
    assert refused.reset_at == 1_700_000_000 + 1010
    clock.now += 6
    again = limiter.hit("k")
    assert again.allowed
    assert again.remaining == 0  # the two later requests are still in the window


def test_refused_requests_do_not_extend_the_wait() -> None:
    limiter, clock = make(limit=1, window=5)
    limiter.hit("k")
    for _ in range(10):
        clock.now += 0.4
        limiter.hit("k")
    clock.now = 1005.0
    assert limiter.hit("k").allowed


def test_keys_are_independent() -> None:
    limiter, _clock = make(limit=1)
    assert limiter.hit("a").allowed
    assert not limiter.hit("a").allowed
    assert limiter.hit("b").allowed


def test_headers_are_whole_numbers() -> None:
    limiter, clock = make(limit=2, window=1.5)
    clock.now = 1000.25
    headers = limiter.hit("k").headers()
    assert headers == {
        "X-RateLimit-Limit": "2",
        "X-RateLimit-Remaining": "1",
        "X-RateLimit-Reset": str(1_700_000_000 + 1002),  # 1001.75 rounded up
    }

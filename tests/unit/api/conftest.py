"""Fixtures for the API unit tests: clients over a scripted wire, and a fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from fizzly_desktop.api import FizzlyClient, RateBudget
from tests.unit.api.wire import API, KEY, Wire

ClientFactory = Callable[..., FizzlyClient]


class FakeClock:
    """Monotonic and wall time that move only when a budget waits on them."""

    WALL_OFFSET = 1_800_000_000.0

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now + self.WALL_OFFSET

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)

    def budget(self, limit: int = 60, window: float = 60.0) -> RateBudget:
        return RateBudget(limit, window, clock=self, wall_clock=self.wall, sleep=self.sleep)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def make_client() -> AsyncIterator[ClientFactory]:
    """Clients over a scripted wire, each with its own budget; closed after the test."""
    clients: list[FizzlyClient] = []

    def make(wire: Wire, **options: Any) -> FizzlyClient:
        options.setdefault("budget", RateBudget())
        options.setdefault("backoff", 0.001)
        client = FizzlyClient(
            options.pop("base_url", API), KEY, transport=wire.transport, **options
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()

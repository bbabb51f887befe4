"""Fixtures for the API client against the sandbox: clients that count what crossed the wire."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from fizzly_desktop.api import FizzlyClient, RateBudget
from fizzly_desktop.core.sandbox_process import SandboxInfo


class CountingTransport(httpx.AsyncBaseTransport):
    """The real loopback transport, counting requests and answers by status."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.statuses: Counter[int] = Counter()
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = await self._inner.handle_async_request(request)
        self.statuses[response.status_code] += 1
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()

    @property
    def total(self) -> int:
        return len(self.requests)


ClientMaker = Callable[..., tuple[FizzlyClient, CountingTransport]]


@pytest.fixture
async def connect() -> AsyncIterator[ClientMaker]:
    """``connect(info, key=None, **options) -> (client, counter)``; closed after the test."""
    made: list[FizzlyClient] = []

    def make(
        info: SandboxInfo, key: str | None = None, **options: Any
    ) -> tuple[FizzlyClient, CountingTransport]:
        counter = CountingTransport()
        options.setdefault("budget", RateBudget())
        options.setdefault("ping_interval", info.ping_interval)
        options.setdefault("backoff", 0.01)
        options.setdefault("output_origins", (info.output_origin,))
        client = FizzlyClient(info.base_url, key or info.demo_key, transport=counter, **options)
        made.append(client)
        return client, counter

    yield make
    for client in made:
        await client.aclose()

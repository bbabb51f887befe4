"""Per-profile API clients of the run engine: opened on demand, blocked after failures, closed."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fizzly_desktop.api.budget import BudgetState, RateBudget
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import EngineSettings
from fizzly_desktop.core.tracking import EngineClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProfileConnection:
    """A profile's API client, and the fingerprint of its key for the history (never the key)."""

    client: EngineClient
    key_fingerprint: str = ""
    budget: RateBudget | None = None

    @classmethod
    def of(cls, client: Any, key_fingerprint: str = "") -> ProfileConnection:
        """Wrap a ``FizzlyClient`` (its ``budget`` is picked up for the status bar)."""
        budget = getattr(client, "budget", None)
        return cls(client, key_fingerprint, budget if isinstance(budget, RateBudget) else None)


#: Opens the API client of a profile (e.g. reading its key from the keyring); the engine owns
#: the client it gets and closes it. Raising says why the profile cannot be used.
ClientFactory = Callable[[str], Awaitable[ProfileConnection]]


class Connections:
    """One client per profile, made by the :data:`ClientFactory` at first use.

    A profile can be blocked for a while (a 429's ``Retry-After``, or a doubling backoff after
    connects that failed): the dispatcher sends none of its runs until then.
    """

    def __init__(self, factory: ClientFactory, settings: EngineSettings, life: EngineLife) -> None:
        self._factory = factory
        self._settings = settings
        self._life = life
        self._connections: dict[str, ProfileConnection] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._blocked_until: dict[str, float] = {}
        self._failures: dict[str, int] = {}

    async def get(self, profile: str) -> ProfileConnection:
        """The profile's connection, made now if there is none (raises what the factory raises)."""
        connection = self._connections.get(profile)
        if connection is not None:
            return connection
        lock = self._locks.setdefault(profile, asyncio.Lock())
        async with lock:
            connection = self._connections.get(profile)
            if connection is None:
                connection = await self._factory(profile)
                if self._life.closing:
                    await connection.client.aclose()
                    raise asyncio.CancelledError
                self._connections[profile] = connection
            return connection

    def known(self, profile: str) -> ProfileConnection | None:
        """The profile's connection if one is open (never makes one)."""
        return self._connections.get(profile)

    def budget_state(self, profile: str) -> BudgetState | None:
        connection = self._connections.get(profile)
        if connection is None or connection.budget is None:
            return None
        return connection.budget.state()

    # --- blocking -----------------------------------------------------------------------------

    def block(self, profile: str, seconds: float) -> None:
        self._blocked_until[profile] = time.monotonic() + max(0.0, seconds)

    def blocked(self, profile: str) -> bool:
        return self._blocked_until.get(profile, 0.0) > time.monotonic()

    def next_unblock(self) -> float | None:
        """Seconds until the first blocked profile may be used again (None: none is blocked)."""
        now = time.monotonic()
        waits = [until - now for until in self._blocked_until.values() if until > now]
        return min(waits) if waits else None

    def connect_failed(self, profile: str) -> None:
        """A request could not reach the server: block the profile, twice as long each time."""
        failures = self._failures.get(profile, 0) + 1
        self._failures[profile] = failures
        self.block(profile, self._settings.connect_backoff(failures))

    def reached(self, profile: str) -> None:
        """A request reached the server: the next failure starts the backoff afresh."""
        self._failures[profile] = 0

    # --- closing ------------------------------------------------------------------------------

    async def drop(self, profile: str) -> None:
        """Close the profile's client and forget its blocks; the next request makes a new one."""
        connection = self._connections.pop(profile, None)
        self._blocked_until.pop(profile, None)
        self._failures.pop(profile, None)
        if connection is not None:
            await _close(connection)

    async def close_all(self) -> None:
        connections, self._connections = list(self._connections.values()), {}
        for connection in connections:
            await _close(connection)


async def _close(connection: ProfileConnection) -> None:
    try:
        await connection.client.aclose()
    except Exception:
        log.exception("Closing an API client failed")

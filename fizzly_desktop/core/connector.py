"""The key's one path from the keyring to an ``Authorization`` header: API clients per profile.

The ``Connector`` is the only place that makes API clients for the app. It gives the engine a
client per profile (the engine owns and closes it), checks keys with one request, and asks the
active profile's server for a workflow's input schema, reusing the client the engine already
holds for that profile when there is one. The sandbox profile's address and demo key come from
the running sandbox, through an injected provider, so this module never starts processes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from fizzly_desktop.api import FizzlyClient
from fizzly_desktop.core.engine import ProfileConnection
from fizzly_desktop.core.profiles import KeyCheck, ProfileStore, verify_key
from fizzly_desktop.core.secrets import fingerprint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SandboxEndpoint:
    """Where the running sandbox answers, and the demo key it accepts."""

    base_url: str
    key: str
    ping_interval: float = 15.0


#: Returns the running sandbox's endpoint, starting the sandbox if need be; raises with a plain
#: reason when it cannot run.
SandboxProvider = Callable[[], Awaitable[SandboxEndpoint]]


class Connector:
    """Makes API clients for profiles; the UI asks it instead of constructing clients.

    Args:
        profiles: the profiles and, through their vault, the keys.
        sandbox: the provider of the sandbox profile's endpoint.
        transport: an httpx transport for every client made (tests); None for the network.
    """

    def __init__(
        self,
        profiles: ProfileStore,
        sandbox: SandboxProvider,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._profiles = profiles
        self._sandbox = sandbox
        self._transport = transport
        # The connections handed to the engine, by profile: the engine owns and closes them;
        # they are borrowed here for schema requests until the engine drops them (forget()).
        self._lent: dict[str, ProfileConnection] = {}

    async def connect(self, name: str) -> ProfileConnection:
        """A new client for profile ``name`` for the engine (its ``ClientFactory``)."""
        connection = await self._open(name)
        self._lent[name] = connection
        return connection

    def forget(self, name: str | None = None) -> None:
        """The engine dropped (and closed) the client of ``name``, or of every profile."""
        if name is None:
            self._lent.clear()
        else:
            self._lent.pop(name, None)

    async def verify_key(self, base_url: str, key: str) -> KeyCheck:
        """Check ``key`` against ``base_url`` with one request; never raises for the network."""
        return await verify_key(base_url, key, transport=self._transport)

    async def check_profile(self, name: str) -> KeyCheck | None:
        """Check the stored key of profile ``name`` with one request; None when it has none.

        The sandbox's demo key is not checked (None too): the running sandbox accepts it.
        """
        profile = self._profiles.get(name)
        if profile.is_sandbox:
            return None
        key = await asyncio.to_thread(self._profiles.get_key, name)
        if not key:
            return None
        return await self.verify_key(profile.base_url, key)

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None:
        """The active profile's input schema of ``owner/slug``, or None when it offers none."""
        name = self._profiles.active_name
        lent = self._lent.get(name)
        if lent is not None and isinstance(lent.client, FizzlyClient):
            return await lent.client.workflow_schema(owner, slug)
        connection = await self._open(name)
        client = connection.client
        assert isinstance(client, FizzlyClient)
        try:
            return await client.workflow_schema(owner, slug)
        finally:
            await client.aclose()

    async def _open(self, name: str) -> ProfileConnection:
        """The client of a profile: the sandbox's demo key, or the key from the keyring."""
        profile = self._profiles.get(name)
        if profile.is_sandbox:
            endpoint = await self._sandbox()
            client = FizzlyClient(
                endpoint.base_url,
                endpoint.key,
                ping_interval=endpoint.ping_interval,
                transport=self._transport,
            )
            return ProfileConnection.of(client, fingerprint(endpoint.key))
        key = await asyncio.to_thread(self._profiles.get_key, name)
        if not key:
            raise RuntimeError(f"No API key is stored for “{name}”. Add one in Profiles.")
        client = FizzlyClient(profile.base_url, key, transport=self._transport)
        return ProfileConnection.of(client, fingerprint(key))


__all__ = ["Connector", "SandboxEndpoint", "SandboxProvider"]

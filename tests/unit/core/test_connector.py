"""The connector: the one maker of API clients, from the keyring (or the sandbox) to a header."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from fizzly_desktop.core.connector import Connector, SandboxEndpoint
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME, KeyCheckStatus, ProfileStore
from fizzly_desktop.core.secrets import KeyVault
from tests.fixtures.keyring import MemoryKeyring

KEY = "fiz_live_9f8e7d6c5b4a3210abcd"
DEMO_KEY = "fiz_demo_0000111122223333wxyz"
SCHEMA = {"type": "object", "properties": {"prompt": {"type": "string"}}}


class Service:
    """A scripted service: the schema endpoint answers, everything else is 404 JSON."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith("/schema"):
            return httpx.Response(200, json=SCHEMA)
        return httpx.Response(404, json={"detail": "not found"})


class Sandbox:
    """The sandbox provider: counts how often the connector needed the running sandbox."""

    def __init__(self) -> None:
        self.asked = 0

    async def __call__(self) -> SandboxEndpoint:
        self.asked += 1
        return SandboxEndpoint("http://127.0.0.1:5099", DEMO_KEY, ping_interval=0.5)


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> ProfileStore:
    store = ProfileStore(KeyVault())
    store.add("Studio", "https://eu.example.com")
    store.set_key("Studio", KEY)
    return store


def make(store: ProfileStore) -> tuple[Connector, Service, Sandbox]:
    service, sandbox = Service(), Sandbox()
    return Connector(store, sandbox, transport=httpx.MockTransport(service)), service, sandbox


async def test_a_profile_client_carries_its_key_only_to_its_origin(store: ProfileStore) -> None:
    connector, service, _ = make(store)
    connection = await connector.connect("Studio")
    assert connection.key_fingerprint == "fiz_…abcd"
    client: Any = connection.client
    try:
        assert await client.workflow_schema("demo", "text-to-image") == SCHEMA
    finally:
        await client.aclose()
    (request,) = service.requests
    assert request.url.host == "eu.example.com"
    assert request.headers["Authorization"] == f"Key {KEY}"


async def test_the_sandbox_profile_uses_the_running_sandbox(store: ProfileStore) -> None:
    connector, service, sandbox = make(store)
    connection = await connector.connect(SANDBOX_PROFILE_NAME)
    client: Any = connection.client
    try:
        assert client.base_url == "http://127.0.0.1:5099"
        assert client.ping_interval == 0.5
        await client.workflow_schema("demo", "upscale")
    finally:
        await client.aclose()
    assert sandbox.asked == 1
    assert connection.key_fingerprint == "fiz_…wxyz"
    assert service.requests[0].headers["Authorization"] == f"Key {DEMO_KEY}"


async def test_a_profile_without_key_says_so(store: ProfileStore) -> None:
    store.add("Empty", "https://empty.example.com")
    connector, service, _ = make(store)
    with pytest.raises(RuntimeError, match="No API key is stored for “Empty”"):
        await connector.connect("Empty")
    assert service.requests == []


async def test_schemas_reuse_the_engine_client_of_the_active_profile(
    store: ProfileStore,
) -> None:
    connector, service, sandbox = make(store)
    lent = await connector.connect(SANDBOX_PROFILE_NAME)
    try:
        assert await connector.workflow_schema("demo", "upscale") == SCHEMA
        assert await connector.workflow_schema("demo", "caption") == SCHEMA
        # No new client (the sandbox was asked once, for the engine's client).
        assert sandbox.asked == 1
        assert len(service.requests) == 2
        # Once the engine dropped that client, a schema request makes (and closes) its own.
        connector.forget(SANDBOX_PROFILE_NAME)
        assert await connector.workflow_schema("demo", "upscale") == SCHEMA
        assert sandbox.asked == 2
    finally:
        await lent.client.aclose()


async def test_schemas_follow_the_active_profile(store: ProfileStore) -> None:
    connector, service, _ = make(store)
    store.set_active("Studio")
    assert await connector.workflow_schema("demo", "upscale") == SCHEMA
    assert service.requests[0].url.host == "eu.example.com"


async def test_key_checks_go_through_the_connector(store: ProfileStore) -> None:
    connector, service, _ = make(store)
    check = await connector.verify_key("https://eu.example.com", KEY)
    assert check.status is KeyCheckStatus.VALID
    assert service.requests[0].headers["Authorization"] == f"Key {KEY}"

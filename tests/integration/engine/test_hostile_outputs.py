"""A result listing outputs at private, metadata and untrusted local addresses, end to end.

The run itself goes through the sandbox over real loopback HTTP; its result is then given the
extra output URLs a hostile or broken server could list. The good image must be saved and
recorded, every other output refused with its reason, and no connection attempted to any of
them: checked at the socket, and by a listening socket that must see no connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncGenerator, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fizzly_desktop.api import (
    FizzlyClient,
    OutputDownloader,
    OutputEvent,
    Priority,
    RunRef,
    RunResult,
    StreamEvent,
)
from fizzly_desktop.core.engine import ProfileConnection, RunEngine
from fizzly_desktop.core.events import ChangeEvent, Notice
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.sandbox_process import SandboxInfo
from tests.integration.engine.test_engine_sandbox import PROFILE, WF, engine_settings, inputs


class HostileResultClient(FizzlyClient):
    """The sandbox's client, with ``extra`` outputs added to every result it reports."""

    def __init__(self, *args: Any, extra: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.extra = extra

    async def stream(
        self, run: RunRef, *, priority: Priority = Priority.TRACKING
    ) -> AsyncGenerator[StreamEvent, None]:
        async with contextlib.aclosing(super().stream(run, priority=priority)) as events:
            async for event in events:
                if isinstance(event, OutputEvent):
                    event = event.model_copy(update={"outputs": {**event.outputs, **self.extra}})
                yield event

    async def result(self, run: RunRef, *, priority: Priority = Priority.BACKGROUND) -> RunResult:
        found = await super().result(run, priority=priority)
        return found.model_copy(update={"outputs": {**found.outputs, **self.extra}})


class Trap:
    """A listening socket on loopback that no download may reach."""

    def __init__(self) -> None:
        self.accepted = 0
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    async def __aenter__(self) -> Trap:
        self._server = await asyncio.start_server(self._on_connection, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _on_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.accepted += 1
        writer.close()


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address a socket of this process connects to during the test."""
    seen: list[tuple[str, int]] = []
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        seen.append((str(address[0]), int(address[1])))
        original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        seen.append((str(address[0]), int(address[1])))
        return original_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return seen


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1].split("/", 1)[0])


async def test_only_the_good_output_is_fetched_the_others_are_refused_with_reasons(
    sandbox: SandboxInfo,
    store: HistoryStore,
    tmp_path: Path,
    connects: list[tuple[str, int]],
) -> None:
    output_port = port_of(sandbox.output_origin)
    resolved: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        # No name reaches a real resolver: each is answered here, as a hostile DNS might.
        resolved.append(host)
        names = {"localhost": ["127.0.0.1"], "images.fizzly-cdn.test": ["127.0.0.1"]}
        if host not in names:
            raise OSError(f"unknown host {host}")
        return names[host]

    async with Trap() as trap:
        extra = {
            "metadata": {"url": "http://169.254.169.254/latest/meta-data/x.png"},
            "private": {"url": "http://10.1.2.3/x.png"},
            "decimal": {"url": "http://2852039166/x.png"},
            # A name for this computer on another port than the sandbox's.
            "other_port": {"url": f"http://localhost:{trap.port}/x.png"},
            # The sandbox's own output port, but under a name that is not its origin.
            "renamed": {"url": f"http://images.fizzly-cdn.test:{output_port}/outputs/a.png"},
        }

        async def factory(profile: str) -> ProfileConnection:
            client = HostileResultClient(
                sandbox.base_url,
                sandbox.demo_key,
                ping_interval=sandbox.ping_interval,
                output_origins=(sandbox.output_origin,),
                extra=extra,
            )
            return ProfileConnection.of(client, "…demo")

        notices: list[Notice] = []
        noticed = asyncio.Event()

        def listen(event: ChangeEvent) -> None:
            if isinstance(event, Notice):
                notices.append(event)
                noticed.set()

        # The engine's own downloader, given this test's resolver (the engine leaves it open).
        downloader = OutputDownloader(resolver=resolver)
        engine = RunEngine(
            store,
            factory,
            settings=engine_settings(tmp_path, download_outputs=True),
            downloader=downloader,
        )
        engine.subscribe(listen)
        await engine.start()
        try:
            run = await engine.submit(WF, inputs(3, output_format="png"), profile=PROFILE)
            async with asyncio.timeout(60):
                await noticed.wait()
            records = {record.name: record for record in engine.outputs_of(run.id)}
        finally:
            await engine.close()
            await downloader.aclose()
        await store.flush()

    assert set(records) == {"generated_image", *extra}
    good = records["generated_image"]
    assert good.error is None
    with Image.open(good.path) as image:
        assert image.size == (64, 64)
    reasons = {name: record.error for name, record in records.items() if name != "generated_image"}
    assert reasons == {
        "metadata": "refused: cloud metadata address",
        "private": "refused: private address",
        "decimal": "refused: cloud metadata address",
        "other_port": "refused: address on this computer",
        "renamed": "refused: address on this computer",
    }
    assert all(not records[name].path.exists() for name in extra)
    assert {r.name: r.error for r in store.outputs_of(run.id)} == {
        "generated_image": None,
        **reasons,
    }
    (notice,) = [n for n in notices if n.run_id == run.id]
    assert notice.message == (
        f"Run {run.request_id}: 1 of 6 outputs saved; 2 refused: cloud metadata address; "
        "1 refused: private address; 2 refused: address on this computer"
    )

    # Names were resolved by the checker only; the sandbox is all this process connected to.
    assert sorted(set(resolved)) == ["images.fizzly-cdn.test", "localhost"]
    assert trap.accepted == 0
    allowed = {("127.0.0.1", port_of(sandbox.base_url)), ("127.0.0.1", output_port)}
    assert connects, "the socket spy saw nothing: the test would prove nothing"
    assert set(connects) <= allowed

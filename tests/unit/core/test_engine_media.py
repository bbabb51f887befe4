"""The engine's output downloads: progress published while a file arrives, the user's size cap
passed to each download, and a run's files fetched again once the cap was raised."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fizzly_desktop.api.download import DownloadResult, Progress
from fizzly_desktop.api.errors import DownloadRejected
from fizzly_desktop.core.engine import ProfileConnection, RunEngine
from fizzly_desktop.core.events import ChangeEvent, ManualScheduler, RunsChanged
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.runs import RunState
from tests.unit.core.fake_client import FakeClient
from tests.unit.core.test_engine import PROFILE, WF, settings, until


class SteppedDownloader:
    """Reports half the file, waits to be let go, then writes it; refuses over the cap."""

    def __init__(self) -> None:
        self.start = asyncio.Event()
        self.go_on = asyncio.Event()
        self.caps: list[int | None] = []

    async def download(self, url: str, dest: Path) -> Path:  # pragma: no cover - not used
        raise AssertionError("the engine asks for fetch when it is there")

    async def fetch(
        self,
        url: str,
        dest: Path,
        *,
        claimed: str | None = None,
        declared_size: int | None = None,
        progress: Progress | None = None,
        max_bytes: int | None = None,
    ) -> DownloadResult:
        self.caps.append(max_bytes)
        if max_bytes is not None and max_bytes < 1000:
            raise DownloadRejected("big", reason="too large (0.0 MB; limit 0.0001 MB)")
        assert progress is not None
        await self.start.wait()
        progress(500, 1000)
        await self.go_on.wait()
        progress(1000, 1000)
        await asyncio.to_thread(_write, dest)
        return DownloadResult(dest, 1000, "image/png", "image/png")


def _write(dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(b"\x89PNG" + b"\0" * 996)


class Harness:
    def __init__(
        self, engine: RunEngine, stepped: SteppedDownloader, scheduler: ManualScheduler
    ) -> None:
        self.engine = engine
        self.scheduler = scheduler
        self.stepped = stepped
        self.events: list[ChangeEvent] = []
        engine.subscribe(self.events.append)


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    store = HistoryStore(tmp_path / "history.sqlite3")
    client = FakeClient()

    async def factory(_profile: str) -> ProfileConnection:
        return ProfileConnection(client, key_fingerprint="…k3y9")

    stepped = SteppedDownloader()
    scheduler = ManualScheduler()
    engine = RunEngine(
        store, factory, settings=settings(tmp_path), scheduler=scheduler, downloader=stepped
    )
    await engine.start()
    yield Harness(engine, stepped, scheduler)
    await engine.close()
    store.close()


async def test_progress_is_published_while_a_file_arrives(harness: Harness) -> None:
    stepped = harness.stepped
    harness.engine.set_max_download_bytes(50_000_000)
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: run.state is RunState.COMPLETED)
    await until(lambda: stepped.caps != [])
    harness.scheduler.run_due()  # what happened up to now is published
    harness.events.clear()
    stepped.start.set()
    await until(lambda: harness.engine.download_progress(run.id) != {})
    assert harness.engine.download_progress(run.id) == {"generated_image": (500, 1000)}
    assert stepped.caps == [50_000_000]
    harness.scheduler.run_due()
    # The run is published as changed, so its output shows how far the file got.
    assert any(isinstance(e, RunsChanged) and run.id in e.updated for e in harness.events)
    stepped.go_on.set()
    await until(lambda: bool(harness.engine.outputs_of(run.id)))
    assert harness.engine.download_progress(run.id) == {}
    (record,) = harness.engine.outputs_of(run.id)
    assert record.error is None
    assert record.kind == "image"


async def test_a_file_refused_as_too_large_is_fetched_again_once_the_cap_is_raised(
    harness: Harness,
) -> None:
    stepped = harness.stepped
    stepped.start.set()
    stepped.go_on.set()
    harness.engine.set_max_download_bytes(100)
    run = await harness.engine.submit(WF, {}, profile=PROFILE)
    await until(lambda: bool(harness.engine.outputs_of(run.id)))
    (refused,) = harness.engine.outputs_of(run.id)
    assert refused.error is not None
    assert refused.error.startswith("too large")
    harness.engine.set_max_download_bytes(10_000)
    assert harness.engine.download_again(run.id)
    await until(lambda: harness.engine.outputs_of(run.id)[0].error is None)
    assert stepped.caps == [100, 10_000]
    assert not harness.engine.download_again("no-such-run")

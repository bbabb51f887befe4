"""The engine's library: search over the history, and marks kept in memory, on disk and in step."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from fizzly_desktop.core.events import RunsChanged
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.library_search import SearchQuery
from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.runs import RunState
from tests.unit.core.fake_client import FakeClient
from tests.unit.core.test_engine import PROFILE, WF, Harness, _state, until


@pytest.fixture
async def harness(store: HistoryStore, tmp_path: Path) -> AsyncIterator[Harness]:
    h = Harness(store, FakeClient(), tmp_path)
    await h.engine.start()
    yield h
    await h.engine.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


async def test_submitted_runs_are_found_by_prompt(harness: Harness) -> None:
    engine = harness.engine
    moon = await engine.submit(WF, {"prompt": "a moonlit harbour"}, profile=PROFILE)
    await engine.submit(WF, {"prompt": "a sunny field"}, profile=PROFILE)
    await engine.flush()
    assert await engine.library.search(SearchQuery(text="moonl harb")) == [moon.id]
    assert len(await engine.library.search(SearchQuery(workflow=WF))) == 2


async def test_a_star_repaints_its_run_and_survives_a_restart(
    store: HistoryStore, tmp_path: Path
) -> None:
    first = Harness(store, FakeClient(), tmp_path)
    await first.engine.start()
    run = await first.engine.submit(WF, {"prompt": "keep me"}, profile=PROFILE)
    await until(lambda: _state(first.engine, run.id) is RunState.COMPLETED)
    first.scheduler.run_due()  # the run's arrival is published first
    first.events.clear()
    assert first.engine.marks.press([MarkKey(run.id, "image")], Mark.STAR) is Mark.STAR
    first.scheduler.run_due()
    assert any(isinstance(e, RunsChanged) and run.id in e.updated for e in first.events)
    assert first.engine.marks.is_starred(run.id)
    await first.engine.close()
    await store.flush()

    again = Harness(store, FakeClient(), tmp_path)
    await again.engine.start()
    try:
        assert again.engine.marks.of_run(run.id) == {"image": Mark.STAR}
        assert await again.engine.library.search(SearchQuery(marks="starred")) == [run.id]
        # Pressing the star again on the same output clears it.
        assert again.engine.marks.press([MarkKey(run.id, "image")], Mark.STAR) is None
        await again.engine.flush()
        assert await again.engine.library.search(SearchQuery(marks="starred")) == []
    finally:
        await again.engine.close()


async def test_a_mixed_selection_takes_the_mark_pressed(harness: Harness) -> None:
    engine = harness.engine
    a = await engine.submit(WF, {"prompt": "a"}, profile=PROFILE)
    b = await engine.submit(WF, {"prompt": "b"}, profile=PROFILE)
    engine.marks.set([MarkKey(a.id)], Mark.REJECT)
    assert engine.marks.press([MarkKey(a.id), MarkKey(b.id)], Mark.REJECT) is Mark.REJECT
    assert engine.marks.get(b.id) is Mark.REJECT
    assert engine.marks.press([MarkKey(a.id), MarkKey(b.id)], Mark.REJECT) is None
    assert engine.marks.get(a.id) is None


async def test_removed_runs_lose_their_marks(harness: Harness) -> None:
    engine = harness.engine
    run = await engine.submit(WF, {"prompt": "gone"}, profile=PROFILE)
    await until(lambda: _state(engine, run.id) is RunState.COMPLETED)
    await asyncio.wrap_future(engine.marks.set([MarkKey(run.id)], Mark.STAR))
    assert await engine.library.remove_from_history([run.id]) == [run.id]
    assert engine.marks.of_run(run.id) == {}
    assert await engine.library.search(SearchQuery(marks="starred")) == []


async def test_attach_follows_a_run_the_server_knows_and_refuses_others(
    harness: Harness,
) -> None:
    from fizzly_desktop.core.attach import AttachError, inputs_unknown

    engine = harness.engine
    sent = await engine.submit(WF, {"prompt": "elsewhere"}, profile=PROFILE)
    await until(lambda: _state(engine, sent.id) is RunState.COMPLETED)
    request_id = sent.request_id
    assert request_id is not None
    await engine.library.remove_from_history([sent.id])

    with pytest.raises(AttachError, match="Paste the run's request ID"):
        await engine.library.attach(WF, "  ", profile=PROFILE)
    with pytest.raises(AttachError, match="not a request ID"):
        await engine.library.attach(WF, "run/../x", profile=PROFILE)
    with pytest.raises(AttachError, match="Choose the workflow"):
        await engine.library.attach("nothing", request_id, profile=PROFILE)
    with pytest.raises(AttachError, match="The server knows no run run_unknown of"):
        await engine.library.attach(WF, "run_unknown", profile=PROFILE)
    assert all(run.request_id != "run_unknown" for run in engine.runs())

    run = await engine.library.attach(WF, request_id, profile=PROFILE)
    assert inputs_unknown(run)
    await until(lambda: _state(engine, run.id) is RunState.COMPLETED)
    with pytest.raises(AttachError, match="in the queue already"):
        await engine.library.attach(WF, request_id, profile=PROFILE)

"""Stars and rejects: toggling like a photo manager, per run and per output, gone with the run."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.marks import (
    Mark,
    MarkKey,
    marks_of,
    set_marks,
    starred_run_ids,
    toggled,
)
from fizzly_desktop.core.runs import Run


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


async def _mark(store: HistoryStore, keys: list[MarkKey], mark: Mark | None) -> None:
    await asyncio.wrap_future(store.write(lambda conn: set_marks(conn, keys, mark, now=5.0)))


def test_pressing_a_key_sets_its_mark_and_pressing_it_again_clears_it() -> None:
    assert toggled(None, Mark.STAR) is Mark.STAR
    assert toggled(Mark.STAR, Mark.STAR) is None
    assert toggled(Mark.REJECT, Mark.STAR) is Mark.STAR
    assert toggled(Mark.STAR, Mark.REJECT) is Mark.REJECT


async def test_runs_and_outputs_are_marked_on_their_own(store: HistoryStore) -> None:
    run = Run.create("demo/a", {}, "p")
    await store.save_run_durably(run)
    await _mark(store, [MarkKey(run.id)], Mark.STAR)
    await _mark(store, [MarkKey(run.id, "mask")], Mark.REJECT)
    assert store.read(lambda c: marks_of(c, [run.id])) == {
        MarkKey(run.id): Mark.STAR,
        MarkKey(run.id, "mask"): Mark.REJECT,
    }
    # A new mark replaces the old one; clearing leaves nothing.
    await _mark(store, [MarkKey(run.id)], Mark.REJECT)
    await _mark(store, [MarkKey(run.id, "mask")], None)
    assert store.read(lambda c: marks_of(c)) == {MarkKey(run.id): Mark.REJECT}


async def test_a_star_on_an_output_keeps_its_run(store: HistoryStore) -> None:
    kept, other = Run.create("demo/a", {}, "p"), Run.create("demo/a", {}, "p")
    await asyncio.wrap_future(store.save_runs([kept, other]))
    await _mark(store, [MarkKey(kept.id, "image")], Mark.STAR)
    await _mark(store, [MarkKey(other.id)], Mark.REJECT)
    assert store.read(starred_run_ids) == {kept.id}


async def test_marks_go_with_their_run_and_unknown_runs_are_skipped(store: HistoryStore) -> None:
    run = Run.create("demo/a", {}, "p")
    await store.save_run_durably(run)
    await _mark(store, [MarkKey(run.id), MarkKey("never-saved")], Mark.STAR)
    assert store.read(lambda c: marks_of(c)) == {MarkKey(run.id): Mark.STAR}
    await asyncio.wrap_future(store.delete_runs([run.id]))
    assert store.read(lambda c: marks_of(c)) == {}


def test_a_run_cannot_hold_an_unknown_mark(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO runs (id, workflow, profile, state, inputs, created_at, updated_at) "
        "VALUES ('r1', 'demo/a', 'p', 'WAITING', '{}', 1.0, 1.0)"
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO marks VALUES ('r1', '', 'maybe', 1.0)")
    conn.close()


async def test_marks_of_many_runs_are_read_in_slices(store: HistoryStore) -> None:
    runs = [Run.create("demo/a", {}, "p") for _ in range(1200)]
    await asyncio.wrap_future(store.save_runs(runs))
    await _mark(store, [MarkKey(r.id) for r in runs[::2]], Mark.STAR)
    found = store.read(lambda c: marks_of(c, [r.id for r in runs]))
    assert len(found) == 600
    assert set(found.values()) == {Mark.STAR}


async def test_a_chained_runs_source_is_kept_and_goes_with_the_run(store: HistoryStore) -> None:
    from fizzly_desktop.core.chain import ChainSource, SourceBook, load_sources

    source, chained = Run.create("demo/a", {}, "p"), Run.create("demo/b", {}, "p")
    await asyncio.wrap_future(store.save_runs([source, chained]))
    book = SourceBook(store)
    await asyncio.wrap_future(book.record(chained.id, ChainSource(source.id, "image", "image")))
    again = SourceBook(store)
    again.load()
    assert again.source_of(chained.id) == ChainSource(source.id, "image", "image")
    assert again.made_from(source.id) == [chained.id]
    await asyncio.wrap_future(store.delete_runs([chained.id]))
    assert store.read(load_sources) == {}

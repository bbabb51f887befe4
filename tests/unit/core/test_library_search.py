"""The search index stays in step with the runs (inserts, updates, deletes, migration, crashes)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from fizzly_desktop.core.history import SCHEMA_VERSION, HistoryStore, migrate
from fizzly_desktop.core.library_search import (
    SearchQuery,
    index_is_consistent,
    match_expression,
    rebuild_index,
    search_runs,
)
from fizzly_desktop.core.marks import Mark, MarkKey, set_marks
from fizzly_desktop.core.runs import Run, RunState


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


def _run(workflow: str, prompt: str, *, created: float, **inputs: object) -> Run:
    run = Run.create(workflow, {"prompt": prompt, **inputs}, "p")
    run.created_at = created
    return run


def _find(store: HistoryStore, **query: object) -> list[str]:
    return store.read(lambda conn: search_runs(conn, SearchQuery(**query)))  # type: ignore[arg-type]


async def _save(store: HistoryStore, *runs: Run) -> None:
    await asyncio.wrap_future(store.save_runs(runs))


async def test_a_saved_run_is_found_by_the_start_of_any_prompt_word(store: HistoryStore) -> None:
    cat = _run("demo/t2i", "A cat astronaut on the moon", created=1.0)
    dog = _run("demo/t2i", "a dog in a garden", created=2.0)
    await _save(store, cat, dog)
    assert _find(store, text="astro") == [cat.id]
    assert _find(store, text="cat ast") == [cat.id]
    assert _find(store, text="cat dog") == []
    assert _find(store, text="A") == [dog.id, cat.id]  # newest first
    assert _find(store) == [dog.id, cat.id]


async def test_any_input_value_is_searchable_even_nested(store: HistoryStore) -> None:
    run = _run("demo/t2i", "x", created=1.0, seed=424242, style={"name": "watercolour"})
    await _save(store, run)
    assert _find(store, text="424242") == [run.id]
    assert _find(store, text="watercol") == [run.id]
    # Input names are not values: a search for "seed" does not match every run with a seed.
    assert _find(store, text="seed") == []


async def test_accented_and_odd_text_is_matched_and_never_read_as_query_syntax(
    store: HistoryStore,
) -> None:
    run = _run("demo/t2i", 'Café "noir" AND -near*', created=1.0)
    await _save(store, run)
    assert _find(store, text="cafe") == [run.id]
    assert _find(store, text='"noir') == [run.id]
    assert _find(store, text="AND near") == [run.id]
    assert _find(store, text="NOT") == []
    assert _find(store, text='" * ( )') == [run.id]  # no words: nothing narrows
    assert match_expression('a"b') == '"a"* "b"*'


async def test_workflow_request_id_and_error_are_found_too(store: HistoryStore) -> None:
    run = _run("acme/upscaler", "x", created=1.0)
    run.request_id = "req-7f3a"
    run.error = "Out of memory on sampler"
    await _save(store, run)
    assert _find(store, text="upscal") == [run.id]
    assert _find(store, text="7f3a") == [run.id]
    assert _find(store, text="memory") == [run.id]


async def test_an_update_replaces_the_indexed_text(store: HistoryStore) -> None:
    run = _run("demo/t2i", "red apple", created=1.0)
    await _save(store, run)
    run.inputs = {"prompt": "green pear"}
    run.error = "Timed out"
    await _save(store, run)
    assert _find(store, text="apple") == []
    assert _find(store, text="pear timed") == [run.id]
    assert store.read(index_is_consistent)


async def test_progress_updates_keep_the_index_as_it_was(store: HistoryStore) -> None:
    run = _run("demo/t2i", "lighthouse", created=1.0)
    await _save(store, run)
    for step in range(5):
        run.progress = step / 5
        run.state = RunState.IN_PROGRESS
        await _save(store, run)
    assert _find(store, text="lighthouse") == [run.id]
    assert store.read(lambda c: c.execute("SELECT count(*) FROM run_text").fetchone()[0]) == 1


async def test_deleted_runs_leave_the_index(store: HistoryStore) -> None:
    runs = [_run("demo/t2i", f"tree {i}", created=float(i)) for i in range(5)]
    await _save(store, *runs)
    await asyncio.wrap_future(store.delete_runs([runs[1].id, runs[3].id]))
    assert _find(store, text="tree") == [runs[4].id, runs[2].id, runs[0].id]
    assert store.read(index_is_consistent)


async def test_filters_narrow_by_workflow_state_dates_and_marks(store: HistoryStore) -> None:
    a = _run("demo/a", "sky", created=100.0)
    b = _run("demo/b", "sky", created=200.0)
    c = _run("demo/a", "sky", created=300.0)
    c.state = RunState.FAILED
    await _save(store, a, b, c)
    assert _find(store, workflow="demo/a") == [c.id, a.id]
    assert _find(store, states=frozenset({"FAILED"})) == [c.id]
    assert _find(store, since=150.0, until=300.0) == [b.id]
    await asyncio.wrap_future(
        store.write(lambda conn: set_marks(conn, [MarkKey(a.id, "image")], Mark.STAR, now=1.0))
    )
    await asyncio.wrap_future(
        store.write(lambda conn: set_marks(conn, [MarkKey(b.id)], Mark.REJECT, now=1.0))
    )
    assert _find(store, marks="starred") == [a.id]
    assert _find(store, marks="rejected") == [b.id]
    assert _find(store, marks="not_rejected", text="sky") == [c.id, a.id]
    assert _find(store, text="sky", limit=1) == [c.id]


def test_migrating_a_v4_history_indexes_the_runs_already_there(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=4) == 4
    conn.execute(
        "INSERT INTO runs (id, workflow, profile, state, inputs, created_at, updated_at) "
        "VALUES ('old1', 'demo/a', 'p', 'COMPLETED', '{\"prompt\": \"old castle\"}', 1.0, 2.0),"
        " ('old2', 'demo/a', 'p', 'COMPLETED', 'not json at all', 3.0, 4.0)"
    )
    conn.close()
    store = HistoryStore(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        assert _find(store, text="castle") == ["old1"]
        assert _find(store, text="json") == ["old2"]
        assert store.read(index_is_consistent)
    finally:
        store.close()


def test_a_crash_before_commit_leaves_neither_run_nor_index_row(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO runs (id, workflow, profile, state, inputs, created_at, updated_at) "
        "VALUES ('half', 'demo/a', 'p', 'WAITING', '{\"prompt\": \"unfinished\"}', 1.0, 1.0)"
    )
    assert conn.execute("SELECT count(*) FROM run_text").fetchone()[0] == 1
    # The process dies here: the connection goes away without COMMIT.
    conn.close()
    store = HistoryStore(path)
    try:
        assert store.count_runs() == 0
        assert _find(store, text="unfinished") == []
        assert store.read(index_is_consistent)
    finally:
        store.close()


def test_rebuild_repairs_an_index_that_drifted(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT INTO runs (id, workflow, profile, state, inputs, created_at, updated_at) "
        "VALUES ('r1', 'demo/a', 'p', 'WAITING', '{\"prompt\": \"harbour\"}', 1.0, 1.0)"
    )
    conn.execute("DELETE FROM run_text")
    assert not index_is_consistent(conn)
    rebuild_index(conn)
    assert index_is_consistent(conn)
    assert search_runs(conn, SearchQuery(text="harb")) == ["r1"]
    conn.close()


def test_an_empty_query_says_so() -> None:
    assert SearchQuery().is_empty
    assert SearchQuery(text=" - ").is_empty
    assert not SearchQuery(text="a").is_empty
    assert not SearchQuery(marks="starred").is_empty


def test_date_ranges_begin_at_local_midnight_of_their_first_day() -> None:
    from datetime import datetime, timedelta

    from fizzly_desktop.core.library_search import DATE_RANGES, since_of

    now = datetime(2026, 3, 15, 17, 45).astimezone()
    midnight = now.replace(hour=0, minute=0)
    assert since_of("", now) is None
    assert since_of("today", now) == midnight.timestamp()
    assert since_of("7d", now) == (midnight - timedelta(days=6)).timestamp()
    assert since_of("30d", now) == (midnight - timedelta(days=29)).timestamp()
    assert [value for _, value in DATE_RANGES] == ["", "today", "7d", "30d"]
    with pytest.raises(ValueError, match="Unknown date range"):
        since_of("yesterday", now)


def test_a_date_range_and_states_narrow_the_text_search(tmp_path: Path) -> None:
    from fizzly_desktop.core.library_search import since_of

    store = HistoryStore(tmp_path / "h.sqlite3")
    try:
        old = Run.create("demo/a", {"prompt": "red fox"}, "p")
        old.created_at = (since_of("7d") or 0) - 3600
        new = Run.create("demo/a", {"prompt": "red fox"}, "p")
        failed = Run.create("demo/a", {"prompt": "red fox"}, "p")
        failed.state = RunState.FAILED
        for run in (old, new, failed):
            store.save_run(run).result(5)
        week = SearchQuery(text="fox", since=since_of("7d"))
        assert set(store.read(lambda c: search_runs(c, week))) == {new.id, failed.id}
        done = SearchQuery(text="fox", since=since_of("7d"), states=frozenset({"FAILED"}))
        assert store.read(lambda c: search_runs(c, done)) == [failed.id]
    finally:
        store.close()

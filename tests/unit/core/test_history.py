"""The history file: migrations, WAL, round trips, and reads of the newest rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fizzly_desktop.core.batches import BatchState, build_batch
from fizzly_desktop.core.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryError,
    HistoryStore,
    OutputRecord,
    migrate,
)
from fizzly_desktop.core.runs import NodeState, Run, RunState


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


def test_new_file_gets_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    try:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.journal_mode() == "wal"
    finally:
        store.close()
    conn = sqlite3.connect(tmp_path / "h.sqlite3")
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"runs", "node_events", "outputs", "batches", "batch_items"} <= tables
        plan = " ".join(
            str(r)
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM runs ORDER BY created_at DESC LIMIT 200"
            )
        )
        assert "runs_created" in plan
    finally:
        conn.close()


def test_migration_from_the_previous_version_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=SCHEMA_VERSION - 1) == SCHEMA_VERSION - 1
    conn.execute(
        "INSERT INTO runs (id, workflow, profile, state, inputs, created_at, updated_at) "
        "VALUES ('old1', 'demo/a', 'p', 'COMPLETED', '{\"prompt\": \"x\"}', 1.0, 2.0)"
    )
    conn.close()
    store = HistoryStore(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        run = store.get_run("old1")
        assert run is not None
        assert run.state is RunState.COMPLETED
        assert run.inputs == {"prompt": "x"}
        assert run.gone_from_server is False
        assert store.outputs_of("old1") == []
    finally:
        store.close()


def test_outputs_saved_before_errors_were_recorded_open_as_saved(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=2) == 2
    conn.execute(
        "INSERT INTO runs (id, workflow, profile, state, inputs, created_at, updated_at) "
        "VALUES ('old1', 'demo/a', 'p', 'COMPLETED', '{}', 1.0, 2.0)"
    )
    conn.execute(
        "INSERT INTO outputs VALUES ('old1', 'image', 'http://x/a.png', '/tmp/a.png', NULL, "
        "'image/png', 8, 8, 3.0)"
    )
    conn.close()
    store = HistoryStore(path)
    try:
        (record,) = store.outputs_of("old1")
        assert record.path == Path("/tmp/a.png")
        assert record.error is None
    finally:
        store.close()


async def test_a_failed_output_keeps_its_reason(store: HistoryStore, tmp_path: Path) -> None:
    run = Run.create("demo/a", {}, "p")
    await store.save_run_durably(run)
    failed = OutputRecord(
        run.id,
        "mask",
        "http://10.1.2.3/x.png",
        tmp_path / "x.png",
        None,
        None,
        None,
        None,
        5.0,
        error="refused: private address",
    )
    await asyncio_wrap(store.save_output(failed))
    assert store.outputs_of(run.id) == [failed]
    assert store.load_outputs([run.id])[run.id][0].error == "refused: private address"


def test_a_newer_schema_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(HistoryError, match="newer Fizzly Desktop"):
        HistoryStore(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(HistoryError, match="damaged or not a history file"):
        HistoryStore(path)


async def test_run_round_trip_with_timeline(store: HistoryStore) -> None:
    run = Run.create(
        "demo/text-to-image", {"prompt": "fox", "seed": 3}, "Sandbox", key_fingerprint="…abcd"
    )
    run.state = RunState.IN_PROGRESS
    run.request_id = "run_1"
    run.node_started("prompt-encode", at=1.0)
    run.node_completed("prompt-encode", {"t": 1}, at=2.0)
    run.node_started("image-generation", at=2.0)
    run.metrics = {"credits_used": 5}
    await store.save_run_durably(run)
    loaded = store.get_run(run.id)
    assert loaded is not None
    assert loaded == run
    assert [e.state for e in loaded.timeline] == [NodeState.COMPLETED, NodeState.RUNNING]
    # Saving again replaces the timeline rather than appending to it.
    run.node_completed("image-generation", at=3.0)
    await store.save_run_durably(run)
    again = store.get_run(run.id)
    assert again is not None
    assert len(again.timeline) == 2
    assert again.timeline[1].completed_at == 3.0


async def test_recent_runs_are_newest_first(store: HistoryStore) -> None:
    runs = []
    for i in range(30):
        run = Run.create("demo/a", {"i": i}, "p")
        run.created_at = 1000.0 + i
        runs.append(run)
    store.save_runs(runs)
    await store.flush()
    recent = store.recent_runs(10)
    assert [r.inputs["i"] for r in recent] == list(range(29, 19, -1))
    assert store.count_runs() == 30
    assert len(store.load_runs()) == 30


async def test_batches_keep_their_order_and_state(store: HistoryStore) -> None:
    batch, runs = build_batch("Foxes", "demo/a", [{"i": i} for i in range(5)], "p", max_active=2)
    store.save_runs(runs)
    batch.move(runs[3].id, -2, {r.id: r for r in runs})
    batch.pause("Not enough credits")
    await asyncio_wrap(store.save_batch(batch))
    (loaded,) = store.load_batches()
    assert loaded.run_ids == batch.run_ids
    assert loaded.state is BatchState.PAUSED
    assert loaded.pause_reason == "Not enough credits"
    assert loaded.max_active == 2


async def test_outputs_and_deletes(store: HistoryStore, tmp_path: Path) -> None:
    run = Run.create("demo/a", {}, "p")
    await store.save_run_durably(run)
    record = OutputRecord(
        run.id,
        "generated_image",
        "http://x/a.png",
        tmp_path / "a.png",
        tmp_path / "a.json",
        "image/png",
        64,
        64,
        5.0,
    )
    await asyncio_wrap(store.save_output(record))
    assert store.outputs_of(run.id) == [record]
    assert store.load_outputs() == {run.id: [record]}
    await asyncio_wrap(store.delete_runs([run.id]))
    assert store.get_run(run.id) is None
    assert store.outputs_of(run.id) == []


async def test_close_without_draining_drops_queued_writes(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    store = HistoryStore(path)
    kept = Run.create("demo/a", {}, "p")
    await store.save_run_durably(kept)
    for _ in range(200):
        store.save_run(Run.create("demo/a", {}, "p"))
    store.close(drain=False)
    reopened = HistoryStore(path)
    try:
        assert reopened.get_run(kept.id) is not None
        assert reopened.count_runs() <= 201
    finally:
        reopened.close()


async def test_writes_after_close_fail_plainly(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "c.sqlite3")
    store.close()
    with pytest.raises(HistoryError, match="closed"):
        await store.save_run_durably(Run.create("demo/a", {}, "p"))


async def asyncio_wrap(future: object) -> None:
    import asyncio
    import concurrent.futures

    assert isinstance(future, concurrent.futures.Future)
    await asyncio.wrap_future(future)


async def test_runs_read_back_share_their_repeated_strings_and_keep_their_values(
    store: HistoryStore,
) -> None:
    runs = []
    for i in range(3):
        run = Run.create("demo/text-to-image", {"prompt": f"fox {i}", "seed": i}, "Sandbox")
        run.transition(RunState.SUBMITTING)
        run.transition(RunState.PENDING)
        run.node_started("image-generation", at=10.0 + i)
        run.node_completed("image-generation", output={"note": "ok"}, at=11.0 + i)
        run.transition(RunState.COMPLETED)
        run.outputs = {"image": {"url": f"https://cdn.test/{i}.png", "content_type": "image/png"}}
        run.error = "Safety check failed: the prompt was flagged"
        run.created_at = 100.0 + i
        runs.append(run)
    store.save_runs(runs)
    await store.flush()

    loaded = {run.id: run for run in store.load_runs()}
    for saved in runs:
        again = loaded[saved.id]
        assert again.inputs == saved.inputs
        assert again.outputs == saved.outputs
        assert again.error == saved.error
        assert [(e.node, e.output) for e in again.timeline] == [
            ("image-generation", {"note": "ok"})
        ]
    first, second = (loaded[runs[0].id], loaded[runs[1].id])
    # One string for what every run repeats, not one per run read.
    assert first.workflow is second.workflow
    assert first.error is second.error
    assert first.timeline[0].node is second.timeline[0].node
    assert next(iter(first.inputs)) is next(iter(second.inputs))
    assert first.outputs is not None
    assert second.outputs is not None
    assert first.outputs["image"]["content_type"] is second.outputs["image"]["content_type"]
    # Long texts (prompts, addresses) are each run's own.
    assert first.inputs["prompt"] != second.inputs["prompt"]


async def test_older_runs_read_page_by_page_cover_the_history_once_newest_first(
    store: HistoryStore,
) -> None:
    runs = []
    for i in range(23):
        run = Run.create("demo/text-to-image", {"i": i}, "Sandbox")
        run.state = RunState.COMPLETED
        run.node_started("image-generation", at=float(i))
        run.node_completed("image-generation", at=i + 1.0)
        # Runs made in the same instant (a batch) must neither repeat nor go missing.
        run.created_at = 100.0 + i // 3
        runs.append(run)
    store.save_runs(runs)
    await store.flush()

    pages: list[list[Run]] = []
    before: tuple[float, str] | None = None
    while True:
        page = store.older_runs(before, 5)
        if not page:
            break
        pages.append(page)
        before = (page[-1].created_at, page[-1].id)
    assert [len(page) for page in pages] == [5, 5, 5, 5, 3]
    read = [run for page in pages for run in page]
    assert sorted(run.id for run in read) == sorted(run.id for run in runs)
    assert [run.created_at for run in read] == sorted((r.created_at for r in runs), reverse=True)
    # Each run of a page is the stored one, timeline and all.
    whole = {run.id: run for run in store.load_runs()}
    for run in read:
        assert run == whole[run.id]
        assert [(e.node, e.started_at, e.completed_at) for e in run.timeline] == [
            ("image-generation", run.inputs["i"] * 1.0, run.inputs["i"] + 1.0)
        ]


async def test_metrics_and_logs_stay_stored_text_until_read_and_then_equal_the_saved(
    store: HistoryStore,
) -> None:
    run = Run.create("demo/text-to-image", {"prompt": "a fox"}, "Sandbox")
    run.state = RunState.COMPLETED
    run.metrics = {"credits_used": 8, "total_time_ms": 4200}
    logs = [{"node": "image-generation", "status": "completed", "message": "done"}]
    run.apply_logs(logs)
    store.save_run(run)
    await store.flush()

    again = store.get_run(run.id)
    assert again is not None
    # Held as the stored text, not parsed yet.
    assert again.stored_text("metrics") == '{"credits_used":8,"total_time_ms":4200}'
    assert again.stored_text("logs") is not None
    # A snapshot keeps the text as it is, and writing the run back writes it unchanged.
    snapshot = again.copy()
    assert snapshot.stored_text("metrics") == again.stored_text("metrics")
    store.save_run(again)
    await store.flush()
    assert store.get_run(run.id) == run
    # Read: the values saved, kept parsed from then on.
    assert again.metrics == {"credits_used": 8, "total_time_ms": 4200}
    assert again.logs == logs
    assert again.stored_text("metrics") is None
    assert again == run
    assert snapshot.logs == logs


def test_unreadable_stored_metrics_read_as_none() -> None:
    run = Run.create("demo/text-to-image", {}, "Sandbox")
    run.keep_stored(metrics="{not json", logs=None)
    assert run.metrics is None
    assert run.logs is None

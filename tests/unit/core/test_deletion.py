"""Deleting runs with their files: what the confirmation says, holding, undo, trash, clear."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from fizzly_desktop.core.deletion import (
    DeletionPlan,
    HeldDeletion,
    Holding,
    clear_history_ids,
    plan_deletion,
    saved_files,
    size_words,
)
from fizzly_desktop.core.history import HistoryStore, OutputRecord
from fizzly_desktop.core.library_search import SearchQuery
from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.runs import Run, RunState
from tests.unit.core.fake_client import FakeClient, FakeDownloader
from tests.unit.core.test_engine import PROFILE, WF, Harness, _state, until


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore(tmp_path / "history.sqlite3")
    yield s
    s.close()


@pytest.fixture
async def harness(store: HistoryStore, tmp_path: Path) -> AsyncIterator[Harness]:
    h = Harness(store, FakeClient(), tmp_path)
    await h.engine.start()
    yield h
    await h.engine.close()


def _run(state: RunState) -> Run:
    run = Run.create("demo/a", {"prompt": "x"}, "p")
    run.state = state
    return run


def _record(
    run: Run, folder: Path, name: str, size: int, *, error: str | None = None
) -> OutputRecord:
    image, sidecar = folder / f"{run.id}-{name}.png", folder / f"{run.id}-{name}.json"
    if error is None:
        folder.mkdir(parents=True, exist_ok=True)
        image.write_bytes(b"x" * size)
        sidecar.write_bytes(b"{}")
    return OutputRecord(run.id, name, "http://x", image, sidecar, None, None, None, 1.0, error)


def test_sizes_read_as_in_a_file_manager() -> None:
    assert size_words(1) == "1 byte"
    assert size_words(740) == "740 bytes"
    assert size_words(12_400_000) == "12.4 MB"
    assert size_words(1_000) == "1.0 kB"
    assert size_words(999_999) == "1.0 MB"


def test_the_plan_counts_runs_files_and_bytes_and_keeps_runs_on_their_way(tmp_path: Path) -> None:
    done, failed, running = (
        _run(RunState.COMPLETED),
        _run(RunState.FAILED),
        _run(RunState.IN_PROGRESS),
    )
    outputs = {
        done.id: [_record(done, tmp_path, "image", 1_500_000)],
        failed.id: [_record(failed, tmp_path, "mask", 10, error="refused")],
        running.id: [],
    }
    plan = plan_deletion([done, failed, running], outputs, starred=[done.id])
    assert plan.run_ids == (done.id, failed.id)
    assert plan.skipped == (running.id,)
    assert set(plan.files) == {
        tmp_path / f"{done.id}-image.png",
        tmp_path / f"{done.id}-image.json",
    }
    assert plan.total_bytes == 1_500_002
    assert plan.question() == "Delete 2 runs and 2 saved files (1.5 MB)?"
    details = plan.details()
    assert "undo this for 60 seconds" in details
    assert "1 starred run will be deleted too" in details
    assert "1 run still on the way will be kept; cancel them first" in details


def test_a_plan_without_files_says_so_and_missing_files_are_not_counted(tmp_path: Path) -> None:
    run = _run(RunState.COMPLETED)
    record = _record(run, tmp_path, "image", 5)
    record.path.unlink()
    record.sidecar_path.unlink()  # type: ignore[union-attr]
    plan = plan_deletion([run], {run.id: [record]})
    assert plan.files == ()
    assert plan.total_bytes == 0
    assert plan.question() == "Delete 1 run? They have no saved files."
    assert DeletionPlan((), (), 0).empty


def test_held_files_come_back_on_undo_and_go_to_the_trash_after(tmp_path: Path) -> None:
    run = _run(RunState.COMPLETED)
    records = [_record(run, tmp_path / "pics", "image", 3), _record(run, tmp_path / "pics", "b", 4)]
    files = saved_files({run.id: records})
    assert len(files) == 4
    trashed: list[Path] = []
    holding = Holding(tmp_path / "held", trash=lambda p: bool(trashed.append(p)) or True)
    held = holding.hold([run], {run.id: records}, {MarkKey(run.id): Mark.STAR}, files)
    assert all(not f.exists() for f in files)
    assert held.summary() == "Deleted 1 run and 4 files."
    assert holding.restore(held) == []
    assert all(f.exists() for f in files)
    assert holding.leftovers() == []

    again = holding.hold([run], {}, {}, files)
    holding.discard(again)
    assert len(trashed) == 4
    assert all(not f.exists() for f in files)


def test_without_a_trash_held_files_are_removed(tmp_path: Path) -> None:
    run = _run(RunState.COMPLETED)
    files = saved_files({run.id: [_record(run, tmp_path, "image", 3)]})
    holding = Holding(tmp_path / "held", trash=lambda p: False)
    held = holding.hold([run], {}, {}, files)
    waiting = [w for _, w in held.moved]
    holding.discard(held)
    assert not any(w.exists() for w in waiting)
    assert holding.leftovers() == []


def test_a_file_whose_place_was_taken_comes_back_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(b"old")
    holding = Holding(tmp_path / "held")
    held = holding.hold([], {}, {}, [path])
    path.write_bytes(b"new")
    assert holding.restore(held) == []
    assert path.read_bytes() == b"new"
    assert (tmp_path / "cat (2).png").read_bytes() == b"old"


def test_a_file_that_cannot_be_moved_stays_and_is_said(tmp_path: Path) -> None:
    holding = Holding(tmp_path / "held")
    held = holding.hold([], {}, {}, [tmp_path / "never-there.png"])
    assert held.stuck == [tmp_path / "never-there.png"]
    assert held.summary() == "Deleted 0 runs; 1 file could not be moved and stayed."


def test_leftovers_of_a_closed_session_are_finished(tmp_path: Path) -> None:
    holding = Holding(tmp_path / "held", trash=lambda p: False)
    path = tmp_path / "a.png"
    path.write_bytes(b"a")
    holding.hold([], {}, {}, [path])
    assert len(holding.leftovers()) == 1
    holding.discard_leftovers()
    assert holding.leftovers() == []


def test_clear_history_keeps_starred_and_unfinished_runs() -> None:
    done, starred, waiting, uncertain, failed = (
        _run(RunState.COMPLETED),
        _run(RunState.COMPLETED),
        _run(RunState.WAITING),
        _run(RunState.UNCERTAIN),
        _run(RunState.FAILED),
    )
    runs = [done, starred, waiting, uncertain, failed]
    assert clear_history_ids(runs, [starred.id]) == [done.id, failed.id]


async def test_the_engine_deletes_runs_with_files_and_undo_brings_all_back(
    harness: Harness, tmp_path: Path
) -> None:
    engine = harness.engine
    run = await engine.submit(WF, {"prompt": "a red fox"}, profile=PROFILE)
    await until(lambda: _state(engine, run.id) is RunState.COMPLETED)
    await until(lambda: bool(engine.outputs_of(run.id)))
    (record,) = engine.outputs_of(run.id)
    await until(lambda: record.path.exists())
    engine.marks.set([MarkKey(run.id)], Mark.STAR)
    holding = Holding(tmp_path / "held")

    held = await engine.library.delete_runs([run.id, "unknown"], holding)
    assert isinstance(held, HeldDeletion)
    assert engine.run(run.id) is None
    assert not record.path.exists()
    assert not engine.marks.is_starred(run.id)
    await engine.flush()
    assert await engine.library.search(SearchQuery(text="fox")) == []

    assert await engine.library.undo_delete(held, holding) == []
    assert engine.run(run.id) is not None
    assert record.path.exists()
    assert engine.outputs_of(run.id) == [record]
    assert engine.marks.is_starred(run.id)
    await engine.flush()
    assert await engine.library.search(SearchQuery(text="fox", marks="starred")) == [run.id]


async def test_deleting_runs_the_engine_does_not_know_deletes_nothing(
    harness: Harness, tmp_path: Path
) -> None:
    engine = harness.engine
    assert await engine.library.delete_runs(["no-such-run"], Holding(tmp_path / "held")) is None


async def test_undo_puts_runs_back_in_their_batch_in_its_order(
    harness: Harness, store: HistoryStore, tmp_path: Path
) -> None:
    engine = harness.engine
    batch = await engine.submit_batch(
        "foxes", WF, [{"prompt": f"fox {i}"} for i in range(3)], profile=PROFILE
    )
    first, middle, last = batch.run_ids
    await until(lambda: all(_state(engine, rid) is RunState.COMPLETED for rid in batch.run_ids))
    holding = Holding(tmp_path / "held")

    held = await engine.library.delete_runs([middle], holding)
    assert held is not None
    assert engine.batch(batch.id) is not None
    assert engine.batch(batch.id).run_ids == [first, last]  # type: ignore[union-attr]
    assert await engine.library.undo_delete(held, holding) == []
    assert engine.batch(batch.id).run_ids == [first, middle, last]  # type: ignore[union-attr]
    assert [r.id for r in engine.batch_runs(batch.id)] == [first, middle, last]

    # Every run of the batch deleted removes the batch; undo brings it back whole.
    held = await engine.library.delete_runs(list(batch.run_ids), holding)
    assert held is not None
    assert engine.batch(batch.id) is None
    await engine.flush()
    assert await engine.library.undo_delete(held, holding) == []
    again = engine.batch(batch.id)
    assert again is not None
    assert again.name == "foxes"
    assert again.run_ids == [first, middle, last]
    assert all(engine.run(rid).batch_id == batch.id for rid in again.run_ids)  # type: ignore[union-attr]
    # ... and in the history: a restart finds the batch with its runs.
    await engine.close()
    reopened = Harness(store, FakeClient(), tmp_path)
    await reopened.engine.start()
    try:
        loaded = reopened.engine.batch(batch.id)
        assert loaded is not None
        assert loaded.run_ids == [first, middle, last]
    finally:
        await reopened.engine.close()


class GatedDownloader(FakeDownloader):
    """Holds every download until ``gate`` is set: a slow image server."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.waiting = 0

    async def download(self, url: str, dest: Path) -> Path:
        self.waiting += 1
        await self.gate.wait()
        self.waiting -= 1
        return await super().download(url, dest)


async def test_a_run_deleted_while_its_outputs_download_leaves_no_record_nor_file(
    store: HistoryStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    h = Harness(store, FakeClient(), tmp_path)
    gated = GatedDownloader()
    h.engine._outputs._downloader = gated
    engine = h.engine
    await engine.start()
    try:
        run = await engine.submit(WF, {"prompt": "slow fox"}, profile=PROFILE)
        await until(lambda: _state(engine, run.id) is RunState.COMPLETED)
        await until(lambda: gated.waiting > 0)  # its image is on its way

        held = await engine.library.delete_runs([run.id], Holding(tmp_path / "held"))
        assert held is not None
        assert held.moved == []
        with caplog.at_level(logging.ERROR):
            gated.gate.set()
            await until(lambda: gated.waiting == 0)
            name = f"download-{run.id}"
            await until(lambda: not any(t.get_name().endswith(name) for t in asyncio.all_tasks()))
            await engine.flush()
        assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
        assert store.outputs_of(run.id) == []
        assert engine.outputs_of(run.id) == []
        pictures = tmp_path / "pictures"
        left = [p for p in pictures.rglob("*") if p.is_file()] if pictures.exists() else []
        assert left == []  # the picture saved for a deleted run is removed, sidecar too
    finally:
        await engine.close()


def test_the_history_keeps_no_output_of_a_run_it_does_not_have(
    store: HistoryStore, tmp_path: Path
) -> None:
    run = _run(RunState.COMPLETED)
    record = _record(run, tmp_path, "image", 10)
    store.save_output(record).result(5)  # the run was never written (or deleted meanwhile)
    assert store.outputs_of(run.id) == []
    store.save_run(run).result(5)
    store.save_output(record).result(5)
    assert store.outputs_of(run.id) == [record]

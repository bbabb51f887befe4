"""Reads of the history: runs with their timelines, batches and saved outputs.

Reads use their own connection (WAL lets them run beside the writer), guarded by a lock, and block
for the time of a query: call them through ``asyncio.to_thread`` from the event loop.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from fizzly_desktop.core.batches import Batch
from fizzly_desktop.core.history.migrations import connect
from fizzly_desktop.core.history.rows import (
    RUN_SELECT,
    OutputRecord,
    batch_from_row,
    node_entry_from_row,
    output_from_row,
    run_from_row,
)
from fizzly_desktop.core.runs import Run, RunState

_T = TypeVar("_T")


class HistoryReader:
    """The reading side of the history file."""

    def __init__(self, path: Path) -> None:
        self._reader: sqlite3.Connection = connect(path)
        self._read_lock = threading.Lock()

    def read(self, fn: Callable[[sqlite3.Connection], _T]) -> _T:
        """Call ``fn`` with the read connection (searches, marks); blocks for its time."""
        with self._read_lock:
            return fn(self._reader)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._read_lock:
            return self._reader.execute(sql, params).fetchall()

    def _with_timelines(self, rows: list[Any], *, all_runs: bool) -> list[Run]:
        runs = [run_from_row(row) for row in rows]
        if not runs:
            return runs
        by_id = {run.id: run for run in runs}
        node_sql = "SELECT run_id, node, state, started_at, completed_at, output FROM node_events"
        if all_runs:
            node_rows = self._query(node_sql + " ORDER BY run_id, ordinal")
        else:
            marks = ", ".join("?" * len(by_id))
            node_rows = self._query(
                f"{node_sql} WHERE run_id IN ({marks}) ORDER BY run_id, ordinal", list(by_id)
            )
        for run_id, node, state, started, completed, output in node_rows:
            run = by_id.get(run_id)
            if run is not None:
                run.timeline.append(node_entry_from_row(node, state, started, completed, output))
        return runs

    def load_runs(self) -> list[Run]:
        """Every run, newest first, with its timeline."""
        rows = self._query(RUN_SELECT + " ORDER BY created_at DESC")
        return self._with_timelines(rows, all_runs=True)

    def older_runs(self, before: tuple[float, str] | None, limit: int) -> list[Run]:
        """A page of the history: up to ``limit`` runs made before ``before`` (the
        ``(created_at, id)`` of the last run of the page before; None for the newest), newest
        first, with their timelines. A long history is read a page at a time this way, each
        page from the created-time index, so no read holds all of it at once."""
        order = " ORDER BY created_at DESC, id DESC LIMIT ?"
        if before is None:
            rows = self._query(RUN_SELECT + order, (limit,))
        else:
            rows = self._query(
                RUN_SELECT + " WHERE (created_at, id) < (?, ?)" + order, (*before, limit)
            )
        return self._with_timelines(rows, all_runs=False)

    def recent_runs(self, limit: int = 200) -> list[Run]:
        """The newest ``limit`` runs, newest first (served by the created-time index)."""
        rows = self._query(RUN_SELECT + " ORDER BY created_at DESC LIMIT ?", (limit,))
        return self._with_timelines(rows, all_runs=False)

    def unfinished_runs(self) -> list[Run]:
        """Runs not in a final state (waiting, sending, uncertain, on the server), newest first."""
        final = [state.value for state in RunState if state.is_terminal]
        marks = ", ".join("?" * len(final))
        rows = self._query(
            RUN_SELECT + f" WHERE state NOT IN ({marks}) ORDER BY created_at DESC", final
        )
        return self._with_timelines(rows, all_runs=False)

    def get_run(self, run_id: str) -> Run | None:
        rows = self._query(RUN_SELECT + " WHERE id = ?", (run_id,))
        runs = self._with_timelines(rows, all_runs=False)
        return runs[0] if runs else None

    def count_runs(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM runs")[0][0])

    def load_batches(self) -> list[Batch]:
        """Every batch, oldest first, with its runs in order."""
        batches: dict[str, Batch] = {}
        for row in self._query("SELECT * FROM batches ORDER BY created_at"):
            batch = batch_from_row(row)
            batches[batch.id] = batch
        for bid, run_id in self._query(
            "SELECT batch_id, run_id FROM batch_items ORDER BY batch_id, position"
        ):
            if bid in batches:
                batches[bid].run_ids.append(run_id)
        return list(batches.values())

    def outputs_of(self, run_id: str) -> list[OutputRecord]:
        return [
            output_from_row(row)
            for row in self._query(
                "SELECT * FROM outputs WHERE run_id = ? ORDER BY name", (run_id,)
            )
        ]

    def load_outputs(self, run_ids: Sequence[str] | None = None) -> dict[str, list[OutputRecord]]:
        """Saved outputs by run, of every run or of ``run_ids``."""
        result: dict[str, list[OutputRecord]] = {}
        if run_ids is None:
            rows = self._query("SELECT * FROM outputs ORDER BY run_id, name")
        else:
            rows = []
            ids = list(run_ids)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                rows += self._query(
                    f"SELECT * FROM outputs WHERE run_id IN ({marks}) ORDER BY run_id, name", chunk
                )
        for row in rows:
            record = output_from_row(row)
            result.setdefault(record.run_id, []).append(record)
        return result

    def journal_mode(self) -> str:
        return str(self._query("PRAGMA journal_mode")[0][0])

    def close_reader(self) -> None:
        with self._read_lock:
            self._reader.close()

"""HistoryStore: the history file opened, migrated, written through its writer thread and read."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from fizzly_desktop.core.batches import Batch
from fizzly_desktop.core.history.migrations import HistoryError, connect, migrate
from fizzly_desktop.core.history.reads import HistoryReader
from fizzly_desktop.core.history.rows import (
    RUN_UPSERT,
    OutputRecord,
    batch_row,
    node_rows,
    output_row,
    run_row,
)
from fizzly_desktop.core.history.writer import HistoryWriter, WriteOp
from fizzly_desktop.core.runs import Run

log = logging.getLogger(__name__)


class HistoryStore(HistoryReader):
    """The history file: a writer thread for changes, a lock-guarded connection for reads.

    Writes (``save_*``, ``delete_*``) return at once with a :class:`concurrent.futures.Future`
    that completes when the change is committed; :meth:`flush` awaits everything queued so far.
    Reads (``load_*``, ``recent_runs``, ``outputs_of``, from :class:`HistoryReader`) block for
    the time of a query.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            setup = connect(self.path)
        except sqlite3.OperationalError as exc:
            raise HistoryError(f"The history file {self.path} cannot be opened: {exc}.") from exc
        except sqlite3.DatabaseError as exc:
            raise HistoryError(
                f"The history file {self.path} is damaged or not a history file: {exc}."
            ) from exc
        try:
            mode = setup.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("History %s is not in WAL mode (%s)", self.path, mode)
            self.schema_version = migrate(setup)
        except sqlite3.DatabaseError as exc:
            setup.close()
            raise HistoryError(
                f"The history file {self.path} is damaged or not a history file: {exc}."
            ) from exc
        except BaseException:
            setup.close()
            raise
        # The connection that migrated the file becomes the writer's.
        self._writer = HistoryWriter(setup)
        self._closed = False
        super().__init__(self.path)

    @classmethod
    def open_default(cls) -> HistoryStore:
        """The history in the app's data folder."""
        from fizzly_desktop.core.paths import app_paths

        return cls(app_paths().ensure().history_db)

    def _submit(self, op: WriteOp) -> concurrent.futures.Future[None]:
        return self._writer.submit(op)

    # --- writes -------------------------------------------------------------------------------

    def save_run(self, run: Run) -> concurrent.futures.Future[None]:
        """Queue an upsert of ``run`` and its timeline, as they are now."""
        return self.save_runs([run])

    def save_runs(self, runs: Iterable[Run]) -> concurrent.futures.Future[None]:
        rows = [(run_row(r), r.id, node_rows(r)) for r in runs]

        def op(conn: sqlite3.Connection) -> None:
            for row, run_id, nodes in rows:
                conn.execute(RUN_UPSERT, row)
                conn.execute("DELETE FROM node_events WHERE run_id = ?", (run_id,))
                if nodes:
                    conn.executemany("INSERT INTO node_events VALUES (?, ?, ?, ?, ?, ?, ?)", nodes)

        return self._submit(op)

    async def save_run_durably(self, run: Run) -> None:
        """Write ``run`` and return once it is committed."""
        await asyncio.wrap_future(self.save_run(run))

    def save_batch(self, batch: Batch) -> concurrent.futures.Future[None]:
        """Queue an upsert of ``batch`` and the order of its runs."""
        row = batch_row(batch)
        items = [(batch.id, i, rid) for i, rid in enumerate(batch.run_ids)]

        def op(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                "SET name = excluded.name, state = excluded.state, "
                "pause_reason = excluded.pause_reason, max_active = excluded.max_active, "
                "updated_at = excluded.updated_at",
                row,
            )
            conn.execute("DELETE FROM batch_items WHERE batch_id = ?", (row[0],))
            conn.executemany("INSERT INTO batch_items VALUES (?, ?, ?)", items)

        return self._submit(op)

    def save_output(self, record: OutputRecord) -> concurrent.futures.Future[None]:
        """Queue the record of one output; dropped if its run is not in the history (deleted
        while its files were being saved), rather than failing the write."""
        row = output_row(record)

        def op(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO outputs SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                "WHERE EXISTS (SELECT 1 FROM runs WHERE id = ?)",
                (*row, record.run_id),
            )

        return self._submit(op)

    def move_addresses(
        self, profile: str, old_base: str, new_base: str
    ) -> concurrent.futures.Future[None]:
        """Point the status, result and cancel addresses of ``profile``'s runs that begin with
        ``old_base`` at ``new_base`` (its server came back at another address)."""
        old_base, new_base = old_base.rstrip("/"), new_base.rstrip("/")
        size = len(old_base)

        def op(conn: sqlite3.Connection) -> None:
            for column in ("status_url", "response_url", "cancel_url"):
                conn.execute(
                    f"UPDATE runs SET {column} = ? || substr({column}, ?) "
                    f"WHERE profile = ? AND substr({column}, 1, ?) = ? "
                    f"AND (length({column}) = ? OR substr({column}, ?, 1) = '/')",
                    (new_base, size + 1, profile, size, old_base, size, size + 1),
                )

        return self._submit(op)

    def delete_runs(self, run_ids: Iterable[str]) -> concurrent.futures.Future[None]:
        ids = [(rid,) for rid in run_ids]

        def op(conn: sqlite3.Connection) -> None:
            conn.executemany("DELETE FROM runs WHERE id = ?", ids)
            conn.executemany("DELETE FROM batch_items WHERE run_id = ?", ids)

        return self._submit(op)

    def delete_batch(self, batch_id: str) -> concurrent.futures.Future[None]:
        def op(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM batches WHERE id = ?", (batch_id,))

        return self._submit(op)

    def write(self, op: WriteOp) -> concurrent.futures.Future[None]:
        """Queue ``op`` to run on the writer thread inside a transaction (marks, deletions)."""
        return self._submit(op)

    async def flush(self) -> None:
        """Return once everything queued before this call is committed."""
        await asyncio.wrap_future(self._submit(lambda conn: None))

    def close(self, *, drain: bool = True) -> None:
        """Stop the writer (after committing what is queued, unless ``drain`` is False).

        ``drain=False`` drops queued writes as a crash would; tests use it to check recovery.
        """
        if self._closed:
            return
        self._closed = True
        self._writer.close(drain=drain)
        self.close_reader()

"""The run history: runs, node timelines, outputs and batches in SQLite, written off the GUI thread.

One file (``app_paths().history_db``) in WAL mode, its schema versioned by ``PRAGMA user_version``
and brought up to date by :data:`MIGRATIONS` on open. Writes go to a single writer thread through
a queue and are grouped into one transaction per burst; each write returns a future, and
:meth:`HistoryStore.save_run_durably` awaits it, which is how a run's row is known to be on disk
before its submit leaves. Reads use their own connection (WAL lets them run beside the writer)
and are meant to be called through ``asyncio.to_thread`` from the event loop.

API keys are never stored: a run holds its profile's name and the key's fingerprint only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fizzly_desktop.core.batches import Batch, BatchState
from fizzly_desktop.core.chain import CHAIN_SCHEMA
from fizzly_desktop.core.library_search import SEARCH_SCHEMA
from fizzly_desktop.core.marks import MARKS_SCHEMA
from fizzly_desktop.core.runs import Contact, NodeEntry, NodeState, Run, RunState

log = logging.getLogger(__name__)

_T = TypeVar("_T")

# --- schema ------------------------------------------------------------------------------------

_V1 = """
CREATE TABLE runs (
    id               TEXT PRIMARY KEY,
    workflow         TEXT NOT NULL,
    profile          TEXT NOT NULL,
    key_fingerprint  TEXT NOT NULL DEFAULT '',
    state            TEXT NOT NULL,
    inputs           TEXT NOT NULL,
    webhook          TEXT,
    request_id       TEXT,
    status_url       TEXT,
    response_url     TEXT,
    cancel_url       TEXT,
    progress         REAL,
    current_node     TEXT,
    queue_position   INTEGER,
    outputs          TEXT,
    metrics          TEXT,
    logs             TEXT,
    credits_used     REAL,
    credits_refunded REAL,
    error            TEXT,
    batch_id         TEXT,
    retry_of         TEXT,
    state_before_cancel TEXT,
    created_at       REAL NOT NULL,
    submitted_at     REAL,
    started_at       REAL,
    completed_at     REAL,
    updated_at       REAL NOT NULL
);
CREATE INDEX runs_created ON runs (created_at DESC);
CREATE INDEX runs_submitted ON runs (submitted_at DESC);
CREATE INDEX runs_state ON runs (state);
CREATE INDEX runs_batch ON runs (batch_id);
CREATE TABLE node_events (
    run_id        TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    node          TEXT NOT NULL,
    state         TEXT NOT NULL,
    started_at    REAL,
    completed_at  REAL,
    output        TEXT,
    PRIMARY KEY (run_id, ordinal)
);
CREATE TABLE batches (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    workflow      TEXT NOT NULL,
    profile       TEXT NOT NULL,
    state         TEXT NOT NULL,
    pause_reason  TEXT,
    max_active    INTEGER NOT NULL,
    created_at    REAL NOT NULL,
    updated_at    REAL NOT NULL
);
CREATE TABLE batch_items (
    batch_id  TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    run_id    TEXT NOT NULL,
    PRIMARY KEY (batch_id, position)
);
CREATE INDEX batch_items_run ON batch_items (run_id);
"""

# Version 2: downloaded outputs get their own table (file and sidecar paths), and a run records
# whether the server has forgotten it and whether its full result has been fetched.
_V2 = """
ALTER TABLE runs ADD COLUMN gone_from_server INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN result_fetched INTEGER NOT NULL DEFAULT 0;
CREATE INDEX runs_request ON runs (request_id);
CREATE TABLE outputs (
    run_id        TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    url           TEXT NOT NULL,
    path          TEXT NOT NULL,
    sidecar_path  TEXT,
    content_type  TEXT,
    width         INTEGER,
    height        INTEGER,
    saved_at      REAL NOT NULL,
    PRIMARY KEY (run_id, name)
);
"""

# Version 3: an output that could not be saved is recorded with the reason, so each output of a
# run is shown as saved or failed on its own.
_V3 = """
ALTER TABLE outputs ADD COLUMN error TEXT;
"""

# Version 4: a run records whether the server is still heard from about it (``Contact``) and
# since when it is not, so a run out of contact stays so, its elapsed time stopped, after a
# restart. ``gone_from_server`` keeps being written (for a file opened by an older app).
_V4 = """
ALTER TABLE runs ADD COLUMN contact TEXT NOT NULL DEFAULT 'ok';
ALTER TABLE runs ADD COLUMN contact_lost_at REAL;
UPDATE runs SET contact = 'unknown', contact_lost_at = updated_at WHERE gone_from_server = 1;
"""

# Version 5: the full-text search index kept in step with the runs by triggers (see
# core/library_search.py), stars and rejects on runs and outputs (core/marks.py), and the
# output each chained run's input came from (core/chain.py).
_V5 = SEARCH_SCHEMA + MARKS_SCHEMA + CHAIN_SCHEMA

#: Migration ``i`` takes a file from ``user_version == i`` to ``i + 1``.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryError(Exception):
    """The history file cannot be used; ``str()`` says why in plain words."""


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring ``conn`` up to schema ``target``, one transaction per step; returns the version."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise HistoryError(
            f"The history was written by a newer Fizzly Desktop (schema {version}); "
            "update the app to open it."
        )
    while version < target:
        script = MIGRATIONS[version]
        # executescript commits first; BEGIN/COMMIT inside keep each step all-or-nothing.
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version + 1};\nCOMMIT;")
        version += 1
        log.info("History migrated to schema %d", version)
    return version


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


# --- rows --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutputRecord:
    """A downloaded output file of a run, and the sidecar describing it."""

    run_id: str
    name: str
    url: str
    path: Path
    sidecar_path: Path | None
    content_type: str | None
    width: int | None
    height: int | None
    saved_at: float
    #: Why the output was not saved, in plain words ("refused: private address"); None when
    #: ``path`` holds the file. A failed output keeps the path it would have had.
    error: str | None = None


_RUN_COLUMNS = (
    "id",
    "workflow",
    "profile",
    "key_fingerprint",
    "state",
    "inputs",
    "webhook",
    "request_id",
    "status_url",
    "response_url",
    "cancel_url",
    "progress",
    "current_node",
    "queue_position",
    "outputs",
    "metrics",
    "logs",
    "credits_used",
    "credits_refunded",
    "error",
    "batch_id",
    "retry_of",
    "state_before_cancel",
    "created_at",
    "submitted_at",
    "started_at",
    "completed_at",
    "updated_at",
    "gone_from_server",
    "result_fetched",
    "contact",
    "contact_lost_at",
)
_RUN_SELECT = "SELECT " + ", ".join(_RUN_COLUMNS) + " FROM runs"
_RUN_UPSERT = (
    f"INSERT INTO runs ({', '.join(_RUN_COLUMNS)}) VALUES ({', '.join('?' * len(_RUN_COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _RUN_COLUMNS if c != "id")
)


_RUN_STATES = {state.value: state for state in RunState}
_NODE_STATES = {state.value: state for state in NodeState}
_CONTACTS = {contact.value: contact for contact in Contact}


def _dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, separators=(",", ":"), default=str)


def _loads(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _run_row(run: Run) -> tuple[Any, ...]:
    return (
        run.id,
        run.workflow,
        run.profile,
        run.key_fingerprint,
        run.state.value,
        _dumps(run.inputs),
        run.webhook,
        run.request_id,
        run.status_url,
        run.response_url,
        run.cancel_url,
        run.progress,
        run.current_node,
        run.queue_position,
        _dumps(run.outputs),
        _dumps(run.metrics),
        _dumps(run.logs),
        run.credits_used,
        run.credits_refunded,
        run.error,
        run.batch_id,
        run.retry_of,
        None if run.state_before_cancel is None else run.state_before_cancel.value,
        run.created_at,
        run.submitted_at,
        run.started_at,
        run.completed_at,
        run.updated_at,
        int(run.gone_from_server),
        int(run.result_fetched),
        run.contact.value,
        run.contact_lost_at,
    )


def _node_rows(run: Run) -> list[tuple[Any, ...]]:
    return [
        (run.id, i, e.node, e.state.value, e.started_at, e.completed_at, _dumps(e.output))
        for i, e in enumerate(run.timeline)
    ]


def _run_from_row(row: Sequence[Any]) -> Run:
    (
        run_id,
        workflow,
        profile,
        fingerprint,
        state,
        inputs,
        webhook,
        request_id,
        status_url,
        response_url,
        cancel_url,
        progress,
        current_node,
        queue_position,
        outputs,
        metrics,
        logs,
        credits_used,
        credits_refunded,
        error,
        batch_id,
        retry_of,
        before_cancel,
        created_at,
        submitted_at,
        started_at,
        completed_at,
        updated_at,
        _gone,  # kept in step with contact, for older apps
        result_fetched,
        contact,
        contact_lost_at,
    ) = row
    return Run(
        id=run_id,
        workflow=workflow,
        inputs=_loads(inputs) or {},
        profile=profile,
        key_fingerprint=fingerprint,
        state=_RUN_STATES[state],
        webhook=webhook,
        request_id=request_id,
        status_url=status_url,
        response_url=response_url,
        cancel_url=cancel_url,
        progress=progress,
        current_node=current_node,
        queue_position=queue_position,
        outputs=_loads(outputs),
        metrics=_loads(metrics),
        logs=_loads(logs),
        credits_used=credits_used,
        credits_refunded=credits_refunded,
        error=error,
        batch_id=batch_id,
        retry_of=retry_of,
        state_before_cancel=None if before_cancel is None else _RUN_STATES[before_cancel],
        created_at=created_at,
        submitted_at=submitted_at,
        started_at=started_at,
        completed_at=completed_at,
        updated_at=updated_at,
        result_fetched=bool(result_fetched),
        contact=_CONTACTS.get(contact, Contact.IN_TOUCH),
        contact_lost_at=contact_lost_at,
    )


def _batch_row(batch: Batch) -> tuple[Any, ...]:
    return (
        batch.id,
        batch.name,
        batch.workflow,
        batch.profile,
        batch.state.value,
        batch.pause_reason,
        batch.max_active,
        batch.created_at,
        batch.updated_at,
    )


# --- the store ---------------------------------------------------------------------------------

_Op = Callable[[sqlite3.Connection], None]
_Item = tuple[_Op, "concurrent.futures.Future[None]"]


class HistoryStore:
    """The history file: a writer thread for changes, a lock-guarded connection for reads.

    Writes (``save_*``, ``delete_*``) return at once with a :class:`concurrent.futures.Future`
    that completes when the change is committed; :meth:`flush` awaits everything queued so far.
    Reads (``load_*``, ``recent_runs``, ``outputs_of``) block for the time of a query.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            setup = _connect(self.path)
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
        self._writer_conn = setup
        self._reader = _connect(self.path)
        self._read_lock = threading.Lock()
        # None is the stop mark.
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._closed = False
        # Started on the first write: opening the history to read it costs no thread.
        self._thread: threading.Thread | None = None
        self._thread_lock = threading.Lock()

    @classmethod
    def open_default(cls) -> HistoryStore:
        """The history in the app's data folder."""
        from fizzly_desktop.core.paths import app_paths

        return cls(app_paths().ensure().history_db)

    # --- writer thread ----------------------------------------------------------------------

    def _write_loop(self) -> None:
        conn = self._writer_conn
        try:
            while True:
                first = self._queue.get()
                if first is None:
                    return
                batch = [first]
                stop = False
                # A burst of changes (a 200-run batch created, many node events) shares one commit.
                while len(batch) < 500:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is None:
                        stop = True
                        break
                    batch.append(item)
                self._commit(conn, batch)
                if stop:
                    return
        finally:
            conn.close()

    def _commit(self, conn: sqlite3.Connection, batch: list[_Item]) -> None:
        outcomes: list[tuple[concurrent.futures.Future[None], BaseException | None]] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            for op, future in batch:
                # A write whose waiter gave up (cancelled) is still made: it was asked for.
                future.set_running_or_notify_cancel()
                conn.execute("SAVEPOINT op")
                try:
                    op(conn)
                except sqlite3.Error as exc:
                    conn.execute("ROLLBACK TO op")
                    log.error("History write failed: %s", exc)
                    outcomes.append((future, exc))
                else:
                    outcomes.append((future, None))
                conn.execute("RELEASE op")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            log.error("History commit failed: %s", exc)
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            outcomes = [(future, exc) for _, future in batch]
        for future, error in outcomes:
            if future.cancelled():
                continue
            if error is None:
                future.set_result(None)
            else:
                future.set_exception(HistoryError(f"The history could not be written: {error}."))

    def _submit(self, op: _Op) -> concurrent.futures.Future[None]:
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        if self._closed:
            future.set_exception(HistoryError("The history is closed."))
            return future
        self._queue.put((op, future))
        if self._thread is None:
            with self._thread_lock:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._write_loop, name="history-writer", daemon=True
                    )
                    self._thread.start()
        return future

    # --- writes -------------------------------------------------------------------------------

    def save_run(self, run: Run) -> concurrent.futures.Future[None]:
        """Queue an upsert of ``run`` and its timeline, as they are now."""
        return self.save_runs([run])

    def save_runs(self, runs: Iterable[Run]) -> concurrent.futures.Future[None]:
        rows = [(_run_row(r), r.id, _node_rows(r)) for r in runs]

        def op(conn: sqlite3.Connection) -> None:
            for row, run_id, nodes in rows:
                conn.execute(_RUN_UPSERT, row)
                conn.execute("DELETE FROM node_events WHERE run_id = ?", (run_id,))
                if nodes:
                    conn.executemany("INSERT INTO node_events VALUES (?, ?, ?, ?, ?, ?, ?)", nodes)

        return self._submit(op)

    async def save_run_durably(self, run: Run) -> None:
        """Write ``run`` and return once it is committed."""
        await asyncio.wrap_future(self.save_run(run))

    def save_batch(self, batch: Batch) -> concurrent.futures.Future[None]:
        """Queue an upsert of ``batch`` and the order of its runs."""
        row = _batch_row(batch)
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
        row = (
            record.run_id,
            record.name,
            record.url,
            str(record.path),
            None if record.sidecar_path is None else str(record.sidecar_path),
            record.content_type,
            record.width,
            record.height,
            record.saved_at,
            record.error,
        )

        def op(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row
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

    def write(self, op: Callable[[sqlite3.Connection], None]) -> concurrent.futures.Future[None]:
        """Queue ``op`` to run on the writer thread inside a transaction (marks, deletions)."""
        return self._submit(op)

    async def flush(self) -> None:
        """Return once everything queued before this call is committed."""
        await asyncio.wrap_future(self._submit(lambda conn: None))

    # --- reads --------------------------------------------------------------------------------

    def read(self, fn: Callable[[sqlite3.Connection], _T]) -> _T:
        """Call ``fn`` with the read connection (searches, marks); blocks for its time."""
        with self._read_lock:
            return fn(self._reader)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._read_lock:
            return self._reader.execute(sql, params).fetchall()

    def _with_timelines(self, rows: list[Any], *, all_runs: bool) -> list[Run]:
        runs = [_run_from_row(row) for row in rows]
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
                run.timeline.append(
                    NodeEntry(node, _NODE_STATES[state], started, completed, _loads(output))
                )
        return runs

    def load_runs(self) -> list[Run]:
        """Every run, newest first, with its timeline."""
        rows = self._query(_RUN_SELECT + " ORDER BY created_at DESC")
        return self._with_timelines(rows, all_runs=True)

    def recent_runs(self, limit: int = 200) -> list[Run]:
        """The newest ``limit`` runs, newest first (served by the created-time index)."""
        rows = self._query(_RUN_SELECT + " ORDER BY created_at DESC LIMIT ?", (limit,))
        return self._with_timelines(rows, all_runs=False)

    def unfinished_runs(self) -> list[Run]:
        """Runs not in a final state (waiting, sending, uncertain, on the server), newest first."""
        final = [state.value for state in RunState if state.is_terminal]
        marks = ", ".join("?" * len(final))
        rows = self._query(
            _RUN_SELECT + f" WHERE state NOT IN ({marks}) ORDER BY created_at DESC", final
        )
        return self._with_timelines(rows, all_runs=False)

    def get_run(self, run_id: str) -> Run | None:
        rows = self._query(_RUN_SELECT + " WHERE id = ?", (run_id,))
        runs = self._with_timelines(rows, all_runs=False)
        return runs[0] if runs else None

    def count_runs(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM runs")[0][0])

    def load_batches(self) -> list[Batch]:
        """Every batch, oldest first, with its runs in order."""
        batches: dict[str, Batch] = {}
        for row in self._query("SELECT * FROM batches ORDER BY created_at"):
            bid, name, workflow, profile, state, reason, max_active, created, updated = row
            batches[bid] = Batch(
                id=bid,
                name=name,
                workflow=workflow,
                profile=profile,
                state=BatchState(state),
                pause_reason=reason,
                max_active=max_active,
                created_at=created,
                updated_at=updated,
            )
        for bid, run_id in self._query(
            "SELECT batch_id, run_id FROM batch_items ORDER BY batch_id, position"
        ):
            if bid in batches:
                batches[bid].run_ids.append(run_id)
        return list(batches.values())

    def outputs_of(self, run_id: str) -> list[OutputRecord]:
        return [
            _output_from_row(row)
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
            record = _output_from_row(row)
            result.setdefault(record.run_id, []).append(record)
        return result

    def journal_mode(self) -> str:
        return str(self._query("PRAGMA journal_mode")[0][0])

    # --- closing ------------------------------------------------------------------------------

    def close(self, *, drain: bool = True) -> None:
        """Stop the writer (after committing what is queued, unless ``drain`` is False).

        ``drain=False`` drops queued writes as a crash would; tests use it to check recovery.
        """
        if self._closed:
            return
        self._closed = True
        if not drain:
            dropped: list[concurrent.futures.Future[None]] = []
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    dropped.append(item[1])
            for future in dropped:
                future.cancel()
        with self._thread_lock:
            thread = self._thread
        if thread is not None:
            self._queue.put(None)
            thread.join()
        else:
            self._writer_conn.close()
        with self._read_lock:
            self._reader.close()


def _output_from_row(row: Sequence[Any]) -> OutputRecord:
    run_id, name, url, path, sidecar, content_type, width, height, saved_at, error = row
    return OutputRecord(
        run_id=run_id,
        name=name,
        url=url,
        path=Path(path),
        sidecar_path=None if sidecar is None else Path(sidecar),
        content_type=content_type,
        width=width,
        height=height,
        saved_at=saved_at,
        error=error,
    )

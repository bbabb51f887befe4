"""The history's single writer thread: queued changes committed one transaction per burst."""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable

from fizzly_desktop.core.history.migrations import HistoryError

log = logging.getLogger(__name__)

#: A change to the history, made on the writer's connection inside a transaction.
WriteOp = Callable[[sqlite3.Connection], None]
_Item = tuple[WriteOp, "concurrent.futures.Future[None]"]


class HistoryWriter:
    """Owns the writing connection and the thread that uses it.

    :meth:`submit` returns at once with a future completed when the change is committed. The
    thread starts on the first write, so opening the history only to read it costs no thread.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._writer_conn = conn
        # None is the stop mark.
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._thread_lock = threading.Lock()

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

    def submit(self, op: WriteOp) -> concurrent.futures.Future[None]:
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

    def close(self, *, drain: bool = True) -> None:
        """Stop the thread (after committing what is queued, unless ``drain`` is False)."""
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

"""Stars and rejects on runs and on single outputs, kept in the history's ``marks`` table.

A mark belongs to a run (``output == ""``) or to one named output of it; a run or output is
starred, rejected or unmarked, never both (setting one replaces the other). Marks go with their
run when it is deleted (foreign key, ``ON DELETE CASCADE``), so a deleted run leaves none behind.
"""

from __future__ import annotations

import concurrent.futures
import enum
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

#: The schema step that adds the marks table (part of the same history migration as search).
MARKS_SCHEMA = """
CREATE TABLE marks (
    run_id     TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    output     TEXT NOT NULL DEFAULT '',
    mark       TEXT NOT NULL CHECK (mark IN ('star', 'reject')),
    marked_at  REAL NOT NULL,
    PRIMARY KEY (run_id, output)
);
CREATE INDEX marks_mark ON marks (mark, run_id);
"""

RUN = ""
"""The ``output`` name of a mark on the whole run."""


class Mark(enum.Enum):
    """What a user said of a run or an output."""

    STAR = "star"
    REJECT = "reject"


@dataclass(frozen=True)
class MarkKey:
    """A run (``output == RUN``) or one output of it."""

    run_id: str
    output: str = RUN


def toggled(current: Mark | None, pressed: Mark) -> Mark | None:
    """The mark after pressing ``pressed``'s key: pressing the mark already set clears it.

    As in photo managers, the star key on a rejected item stars it, and on a starred one clears
    the star.
    """
    return None if current is pressed else pressed


def set_marks(
    conn: sqlite3.Connection, keys: Iterable[MarkKey], mark: Mark | None, *, now: float | None
) -> None:
    """Set (or with ``None`` clear) ``mark`` on every key. Runs not in the history are skipped."""
    stamp = time.time() if now is None else now
    rows = [(key.run_id, key.output) for key in keys]
    if mark is None:
        conn.executemany("DELETE FROM marks WHERE run_id = ? AND output = ?", rows)
        return
    conn.executemany(
        "INSERT INTO marks (run_id, output, mark, marked_at) "
        "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM runs WHERE id = ?1) "
        "ON CONFLICT (run_id, output) DO UPDATE SET mark = excluded.mark, "
        "marked_at = excluded.marked_at",
        [(run_id, output, mark.value, stamp) for run_id, output in rows],
    )


def marks_of(conn: sqlite3.Connection, run_ids: Sequence[str] | None = None) -> dict[MarkKey, Mark]:
    """The marks of ``run_ids`` (all marks when None)."""
    if run_ids is None:
        rows = conn.execute("SELECT run_id, output, mark FROM marks").fetchall()
    else:
        rows = []
        ids = list(run_ids)
        # SQLite limits the number of parameters of one statement; ask in slices.
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows.extend(
                conn.execute(
                    "SELECT run_id, output, mark FROM marks "
                    f"WHERE run_id IN ({', '.join('?' * len(part))})",
                    part,
                ).fetchall()
            )
    return {MarkKey(run_id, output): Mark(mark) for run_id, output, mark in rows}


def starred_run_ids(conn: sqlite3.Connection) -> set[str]:
    """Runs starred themselves or through one of their outputs (kept by Clear history)."""
    return {row[0] for row in conn.execute("SELECT DISTINCT run_id FROM marks WHERE mark = 'star'")}


class MarkWriter(Protocol):
    """What :class:`MarkBook` needs of the history: queued writes and a read connection."""

    def write(
        self, op: Callable[[sqlite3.Connection], None]
    ) -> concurrent.futures.Future[None]: ...

    def read(
        self, fn: Callable[[sqlite3.Connection], dict[MarkKey, Mark]]
    ) -> dict[MarkKey, Mark]: ...


class MarkBook:
    """Every mark in memory (painting a star must not wait for a query), written through.

    ``on_change`` receives the run IDs whose marks changed, so views of them repaint.
    """

    def __init__(self, history: MarkWriter, on_change: Callable[[Iterable[str]], None]) -> None:
        self._history = history
        self._on_change = on_change
        self._marks: dict[MarkKey, Mark] = {}

    def load(self) -> None:
        """Read every mark from the history (in a worker thread: it is a query)."""
        self._marks = self._history.read(lambda conn: marks_of(conn))

    def get(self, run_id: str, output: str = RUN) -> Mark | None:
        return self._marks.get(MarkKey(run_id, output))

    def of_run(self, run_id: str) -> dict[str, Mark]:
        """The marks of a run and its outputs, by output name (``RUN`` for the run's own)."""
        return {key.output: mark for key, mark in self._marks.items() if key.run_id == run_id}

    def is_starred(self, run_id: str) -> bool:
        """Starred itself or through one of its outputs."""
        return any(key.run_id == run_id and mark is Mark.STAR for key, mark in self._marks.items())

    def starred_runs(self) -> set[str]:
        return {key.run_id for key, mark in self._marks.items() if mark is Mark.STAR}

    def set(self, keys: Iterable[MarkKey], mark: Mark | None) -> concurrent.futures.Future[None]:
        """Set or clear ``mark`` on ``keys`` now in memory, and queue the write."""
        keys = list(keys)
        for key in keys:
            if mark is None:
                self._marks.pop(key, None)
            else:
                self._marks[key] = mark
        future = self._history.write(lambda conn: set_marks(conn, keys, mark, now=None))
        self._on_change({key.run_id for key in keys})
        return future

    def press(self, keys: Iterable[MarkKey], pressed: Mark) -> Mark | None:
        """A mark key pressed on a selection: all get ``pressed``, unless all had it (cleared).

        Returns the mark they now have.
        """
        keys = list(keys)
        if not keys:
            return None
        current = {self._marks.get(key) for key in keys}
        mark = toggled(current.pop() if len(current) == 1 else None, pressed)
        self.set(keys, mark)
        return mark

    def forget(self, run_ids: Iterable[str]) -> None:
        """Drop the marks of runs removed from the history (the table lost them by cascade)."""
        gone = set(run_ids)
        self._marks = {key: mark for key, mark in self._marks.items() if key.run_id not in gone}

    def restore(self, marks: dict[MarkKey, Mark]) -> None:
        """Put back marks of runs brought back (undo of a deletion)."""
        for mark in (Mark.STAR, Mark.REJECT):
            keys = [key for key, value in marks.items() if value is mark]
            if keys:
                self.set(keys, mark)

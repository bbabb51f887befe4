"""Search the whole run history by prompt and input values, workflow, dates, state and marks (FTS5).

The full-text index ``run_text`` is an FTS5 table whose rowid is the run's rowid in ``runs``. It
is kept in step by triggers on ``runs``, so every insert, update and delete of a run changes the
index in the same transaction: a crash between the two cannot happen, as there is no "between".
The schema step (:data:`SEARCH_SCHEMA`) is one of the history's migrations and fills the index
from the runs already there.

Queries are built by :func:`search_sql` and run by :func:`search_runs` on a read connection; the
text a user types is split into words, and every word must start a word of the run's workflow,
input values, request ID or error (as-you-type: "cat ast" finds "cat astronaut").
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP

# Every scalar value of the inputs, however nested, one space apart; text that is not JSON (it
# never should be) is indexed as it is rather than failing the write of the run.
_FLAT_INPUTS = (
    "CASE WHEN json_valid({row}.inputs) THEN "
    "(SELECT group_concat(value, ' ') FROM json_tree({row}.inputs) "
    "WHERE type IN ('text', 'integer', 'real')) "
    "ELSE {row}.inputs END"
)
_DETAILS = "coalesce({row}.request_id, '') || ' ' || coalesce({row}.error, '')"


def _values(row: str) -> str:
    inputs, details = _FLAT_INPUTS.format(row=row), _DETAILS.format(row=row)
    return f"{row}.rowid, {row}.workflow, {inputs}, {details}"


#: The schema step that adds the index, its triggers and fills it from the existing runs.
SEARCH_SCHEMA = f"""
CREATE VIRTUAL TABLE run_text USING fts5(
    workflow, inputs, details, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER run_text_insert AFTER INSERT ON runs BEGIN
    INSERT INTO run_text (rowid, workflow, inputs, details) VALUES ({_values("new")});
END;
CREATE TRIGGER run_text_delete AFTER DELETE ON runs BEGIN
    DELETE FROM run_text WHERE rowid = old.rowid;
END;
CREATE TRIGGER run_text_update AFTER UPDATE OF workflow, inputs, request_id, error ON runs
WHEN old.workflow IS NOT new.workflow OR old.inputs IS NOT new.inputs
  OR old.request_id IS NOT new.request_id OR old.error IS NOT new.error
BEGIN
    DELETE FROM run_text WHERE rowid = old.rowid;
    INSERT INTO run_text (rowid, workflow, inputs, details) VALUES ({_values("new")});
END;
INSERT INTO run_text (rowid, workflow, inputs, details) SELECT {_values("runs")} FROM runs;
"""

MarkFilter = Literal["starred", "rejected", "not_rejected"]

#: The date choices beside the search: (words, value). Days are the computer's calendar days.
DATE_RANGES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("DateRanges", "Any time"), ""),
    (QT_TRANSLATE_NOOP("DateRanges", "Today"), "today"),
    (QT_TRANSLATE_NOOP("DateRanges", "Last 7 days"), "7d"),
    (QT_TRANSLATE_NOOP("DateRanges", "Last 30 days"), "30d"),
)
_DAYS = {"today": 1, "7d": 7, "30d": 30}


def since_of(choice: str, now: datetime | None = None) -> float | None:
    """When the date range ``choice`` (a value of :data:`DATE_RANGES`) begins, in epoch
    seconds: midnight today for "today", midnight six days before today for "7d" (today and
    the six days before it), and so on; None for any time."""
    if not choice:
        return None
    if choice not in _DAYS:
        raise ValueError(f"Unknown date range {choice!r}; expected one of {sorted(_DAYS)}.")
    local = (now or datetime.now()).astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight - timedelta(days=_DAYS[choice] - 1)).timestamp()


_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    """What to look for. Empty fields do not narrow; ``text`` words must all match (prefixes).

    ``states`` holds :class:`~fizzly_desktop.core.runs.RunState` values; ``since``/``until``
    bound the creation time (epoch seconds, ``until`` excluded); ``marks`` keeps starred runs
    (the run or one of its outputs), rejected runs, or runs that are not rejected.
    """

    text: str = ""
    workflow: str | None = None
    states: frozenset[str] = field(default_factory=frozenset)
    since: float | None = None
    until: float | None = None
    marks: MarkFilter | None = None
    limit: int | None = None

    @property
    def is_empty(self) -> bool:
        return (
            not words_of(self.text)
            and self.workflow is None
            and not self.states
            and self.since is None
            and self.until is None
            and self.marks is None
        )


def words_of(text: str) -> list[str]:
    """The words of what a user typed, as the index splits them (punctuation is a separator)."""
    return _WORD.findall(text)


def match_expression(text: str) -> str | None:
    """An FTS5 query where every typed word must begin a word of the run, or None for no words.

    Each word is quoted, so nothing typed (``AND``, ``"``, ``*``, ``-``) is read as FTS syntax.
    """
    words = words_of(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def search_sql(query: SearchQuery) -> tuple[str, list[Any]]:
    """The SELECT of matching run IDs, newest first, and its parameters."""
    where: list[str] = []
    params: list[Any] = []
    match = match_expression(query.text)
    if match is not None:
        where.append("r.rowid IN (SELECT rowid FROM run_text WHERE run_text MATCH ?)")
        params.append(match)
    if query.workflow is not None:
        where.append("r.workflow = ?")
        params.append(query.workflow)
    if query.states:
        states = sorted(query.states)
        where.append(f"r.state IN ({', '.join('?' * len(states))})")
        params.extend(states)
    if query.since is not None:
        where.append("r.created_at >= ?")
        params.append(query.since)
    if query.until is not None:
        where.append("r.created_at < ?")
        params.append(query.until)
    # Each marks filter is a list built once per query, not a lookup per run.
    if query.marks == "starred":
        where.append("r.id IN (SELECT run_id FROM marks WHERE mark = 'star')")
    elif query.marks == "rejected":
        where.append("r.id IN (SELECT run_id FROM marks WHERE output = '' AND mark = 'reject')")
    elif query.marks == "not_rejected":
        where.append("r.id NOT IN (SELECT run_id FROM marks WHERE output = '' AND mark = 'reject')")
    # Walking the runs newest first and testing each against the matches (a list built once)
    # stops at ``limit``; letting SQLite start from the text matches sorts them all first. The
    # few marked runs are a better start, so a marks filter leaves the choice to SQLite.
    narrow = query.marks in ("starred", "rejected")
    sql = "SELECT r.id FROM runs r" + ("" if narrow else " INDEXED BY runs_created")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.created_at DESC"
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(query.limit)
    return sql, params


def search_runs(conn: sqlite3.Connection, query: SearchQuery) -> list[str]:
    """IDs of the runs that match ``query``, newest first."""
    sql, params = search_sql(query)
    return [row[0] for row in conn.execute(sql, params)]


def index_is_consistent(conn: sqlite3.Connection) -> bool:
    """Whether every run has exactly one index row and the index has no other rows."""
    runs = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    indexed = conn.execute("SELECT count(*) FROM run_text").fetchone()[0]
    if runs != indexed:
        return False
    stray = conn.execute(
        "SELECT count(*) FROM run_text WHERE rowid NOT IN (SELECT rowid FROM runs)"
    ).fetchone()[0]
    return int(stray) == 0


def rebuild_index(conn: sqlite3.Connection) -> None:
    """Refill the index from the runs (after a VACUUM, which may renumber the runs' rowids)."""
    conn.execute("DELETE FROM run_text")
    conn.execute(
        f"INSERT INTO run_text (rowid, workflow, inputs, details) SELECT {_values('runs')} "
        "FROM runs"
    )


def distinct_workflows(conn: sqlite3.Connection) -> Sequence[str]:
    """Every workflow that has runs in the history, for the search's workflow choice."""
    return [row[0] for row in conn.execute("SELECT DISTINCT workflow FROM runs ORDER BY workflow")]

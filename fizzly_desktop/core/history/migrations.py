"""The history file's schema: its tables, the migrations between versions, and how it is opened."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from fizzly_desktop.core.chain import CHAIN_SCHEMA
from fizzly_desktop.core.library_search import SEARCH_SCHEMA
from fizzly_desktop.core.marks import MARKS_SCHEMA

log = logging.getLogger(__name__)


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

#: Migration ``i`` takes a file from ``user_version == i`` to ``i + 1``.
# Version 5: the full-text search index kept in step with the runs by triggers (see
# core/library_search.py), stars and rejects on runs and outputs (core/marks.py), and the
# output each chained run's input came from (core/chain.py).
_V5 = SEARCH_SCHEMA + MARKS_SCHEMA + CHAIN_SCHEMA

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


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the file at ``path`` in autocommit mode, usable from any one thread."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn

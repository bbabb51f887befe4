"""The run history: runs, node timelines, outputs and batches in SQLite, written off the GUI thread.

One file (``app_paths().history_db``) in WAL mode, its schema versioned by ``PRAGMA user_version``
and brought up to date by :data:`MIGRATIONS` on open. Writes go to a single writer thread through
a queue and are grouped into one transaction per burst; each write returns a future, and
:meth:`HistoryStore.save_run_durably` awaits it, which is how a run's row is known to be on disk
before its submit leaves. Reads use their own connection (WAL lets them run beside the writer)
and are meant to be called through ``asyncio.to_thread`` from the event loop.

API keys are never stored: a run holds its profile's name and the key's fingerprint only.

The package is split along those seams: :mod:`.migrations` (tables, versions, opening a file),
:mod:`.rows` (runs, batches and outputs as rows and back), :mod:`.writer` (the writer thread),
:mod:`.reads` (queries), :mod:`.store` (:class:`HistoryStore`, tying them).
"""

from __future__ import annotations

from fizzly_desktop.core.history.migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryError,
    migrate,
)
from fizzly_desktop.core.history.rows import OutputRecord
from fizzly_desktop.core.history.store import HistoryStore

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "HistoryError",
    "HistoryStore",
    "OutputRecord",
    "migrate",
]

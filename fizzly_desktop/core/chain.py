"""Chaining: a result used as an input of the next run, and the record of where it came from.

"Use as input ▸ <workflow> ▸ <image field>" puts an output's file into another workflow's image
field; the run sent with it records its source (run, output, field) in the history's
``run_sources`` table, so the new run's details can link back and the source's can list what
was made from it.
"""

from __future__ import annotations

import concurrent.futures
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the history imports this module; the schema package is loaded on demand
    from fizzly_desktop.core.schema import FieldSpec, InputSchema

#: The schema step that adds the sources table (part of the history's version 5).
CHAIN_SCHEMA = """
CREATE TABLE run_sources (
    run_id         TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    source_run     TEXT NOT NULL,
    source_output  TEXT NOT NULL,
    field          TEXT NOT NULL
);
CREATE INDEX run_sources_source ON run_sources (source_run);
"""


@dataclass(frozen=True)
class ChainSource:
    """The output a run's ``field`` was filled from (the source run may be deleted since)."""

    run_id: str
    output: str
    field: str


def image_fields(schema: InputSchema) -> list[FieldSpec]:
    """The fields of a workflow that take one image (what an output can be used as)."""
    return [spec for spec in schema.fields if spec.kind == "file" and spec.is_image]


def record_source(conn: sqlite3.Connection, run_id: str, source: ChainSource) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO run_sources VALUES (?, ?, ?, ?)",
        (run_id, source.run_id, source.output, source.field),
    )


def load_sources(conn: sqlite3.Connection) -> dict[str, ChainSource]:
    rows = conn.execute("SELECT run_id, source_run, source_output, field FROM run_sources")
    return {run_id: ChainSource(src, output, field) for run_id, src, output, field in rows}


class SourceWriter(Protocol):
    def write(
        self, op: Callable[[sqlite3.Connection], None]
    ) -> concurrent.futures.Future[None]: ...

    def read(
        self, fn: Callable[[sqlite3.Connection], dict[str, ChainSource]]
    ) -> dict[str, ChainSource]: ...


class SourceBook:
    """Every run's source in memory (details ask on each selection), written through."""

    def __init__(self, history: SourceWriter) -> None:
        self._history = history
        self._sources: dict[str, ChainSource] = {}

    def load(self) -> None:
        """Read the sources from the history (in a worker thread)."""
        self._sources = self._history.read(load_sources)

    def record(self, run_id: str, source: ChainSource) -> concurrent.futures.Future[None]:
        self._sources[run_id] = source
        return self._history.write(lambda conn: record_source(conn, run_id, source))

    def source_of(self, run_id: str) -> ChainSource | None:
        return self._sources.get(run_id)

    def made_from(self, run_id: str) -> list[str]:
        """Runs whose input came from an output of ``run_id``."""
        return [rid for rid, source in self._sources.items() if source.run_id == run_id]

    def forget(self, run_ids: Iterable[str]) -> None:
        gone = set(run_ids)
        self._sources = {rid: s for rid, s in self._sources.items() if rid not in gone}

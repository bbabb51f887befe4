"""The list of an export: a CSV and a JSON file of each exported picture's run, inputs and metrics.

Written beside the pictures (``results.csv``, ``results.json``), never over an existing list.
The CSV's input columns carry the inputs' own names, so the file can be imported back as a batch
(Build Batch… ▸ Import): its other columns (file, run, workflow, state, credits, time) are not
inputs (``result.…``) and the importer sets them aside with a note.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fizzly_desktop.core.export import ExportResult, free_target
from fizzly_desktop.core.runs import Run

#: Columns before the inputs, named so that no input can be taken for one on import.
META_COLUMNS = (
    "result.file",
    "result.run_id",
    "result.workflow",
    "result.state",
    "result.created",
    "result.credits_used",
    "result.total_time_ms",
)


@dataclass(frozen=True)
class ManifestRow:
    file: str
    run: Run


def rows_for(
    result: ExportResult, sources: Sequence[Path], run_of: Mapping[Path, Run]
) -> list[ManifestRow]:
    """Pair each exported file with its run (``sources`` in the order they were exported)."""
    failed = {source for source, _reason in result.failed}
    copied = [source for source in dict.fromkeys(sources) if source not in failed]
    return [
        ManifestRow(target.name, run_of[source])
        for source, target in zip(copied, result.exported, strict=False)
        if source in run_of
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _meta(row: ManifestRow) -> dict[str, Any]:
    run = row.run
    total = (run.metrics or {}).get("total_time_ms")
    values = (
        row.file,
        run.id,
        run.workflow,
        run.state.value,
        datetime.fromtimestamp(run.created_at, UTC).isoformat(timespec="seconds"),
        run.credits_used,
        total,
    )
    return dict(zip(META_COLUMNS, values, strict=True))


def write_manifest(folder: Path, rows: Sequence[ManifestRow]) -> tuple[Path, Path]:
    """Write ``results.csv`` and ``results.json`` (free names) in ``folder``; returns both."""
    inputs: dict[str, None] = {}
    for row in rows:
        inputs.update(dict.fromkeys(row.run.inputs))
    header = [*META_COLUMNS, *inputs]
    csv_path = free_target(folder, "results.csv", [])
    with csv_path.open("x", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            meta = _meta(row)
            values = [_cell(meta[column]) for column in META_COLUMNS]
            values += [_cell(row.run.inputs.get(name)) for name in inputs]
            writer.writerow(values)
    json_path = free_target(folder, "results.json", [])
    document = [
        {
            **{key.removeprefix("result."): value for key, value in _meta(row).items()},
            "inputs": row.run.inputs,
            "metrics": row.run.metrics or {},
        }
        for row in rows
    ]
    with json_path.open("x", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
    return csv_path, json_path

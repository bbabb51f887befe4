"""Imported rows: CSV and JSONL files of inputs read into runs, with each bad row explained."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fizzly_desktop.core.batch_plan.plan import (
    MAX_BATCH_RUNS,
    MAX_IMPORT_BYTES,
    BatchPlanError,
    ImportKind,
    PlannedRun,
    quoted,
    shorten,
)
from fizzly_desktop.core.batch_plan.seeds import draw_seeds
from fizzly_desktop.core.batch_plan.values import (
    cell_value,
    typed_json_value,
)
from fizzly_desktop.core.schema import FieldSpec, InputSchema


@dataclass(frozen=True)
class RowProblem:
    """Why one row of an imported file is skipped (or, for a warning, what was ignored)."""

    row_number: int
    message: str
    warning: bool = False


@dataclass(frozen=True)
class ImportedRow:
    """One row of an imported file: its cells as written, the inputs it makes, its problems.

    ``inputs`` are the form's base values with the row's own values over them: exactly what the
    run would send. A row with problems is shown in the preview but never sent.
    """

    row_number: int
    cells: dict[str, str]
    inputs: dict[str, Any]
    problems: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportResult:
    """An imported file read into rows: the valid ones, the invalid ones and why.

    ``file_problem`` is set (and ``rows`` empty) when the file as a whole cannot be used.
    ``row_word`` is how rows are counted in messages: ``Row`` in a CSV file (as a spreadsheet
    numbers them, the header being row 1), ``Line`` in a JSONL file.
    """

    kind: ImportKind | None
    columns: tuple[str, ...] = ()
    rows: tuple[ImportedRow, ...] = ()
    warnings: tuple[RowProblem, ...] = ()
    file_problem: str | None = None
    row_word: str = "Row"

    @property
    def valid_rows(self) -> list[ImportedRow]:
        return [row for row in self.rows if row.valid]

    @property
    def problems(self) -> list[RowProblem]:
        """One entry per invalid row: its problems joined into one sentence list."""
        return [
            RowProblem(row.row_number, " ".join(row.problems)) for row in self.rows if not row.valid
        ]

    def describe(self, problem: RowProblem) -> str:
        """``Row 3: seed: 'abc' is not a whole number.``"""
        return f"{self.row_word} {problem.row_number}: {problem.message}"

    def planned_runs(self) -> list[PlannedRun]:
        """The valid rows as runs, labelled by where they are in the file."""
        return [
            PlannedRun(
                inputs=dict(row.inputs),
                grid_position=None,
                label=f"{self.row_word} {row.row_number}",
            )
            for row in self.valid_rows
        ]


class _Columns:
    """Maps the names a file uses to the workflow's inputs: by name, any case, or by title."""

    def __init__(self, schema: InputSchema) -> None:
        self._specs = {spec.name: spec for spec in schema.fields}
        self._lookup: dict[str, str] = {}
        for spec in schema.fields:
            for key in (spec.title, spec.name):
                self._lookup.setdefault(_fold(key), spec.name)
        for spec in schema.fields:
            self._lookup[spec.name] = spec.name

    def find(self, column: str) -> FieldSpec | None:
        name = self._lookup.get(column) or self._lookup.get(_fold(column))
        return self._specs.get(name) if name is not None else None


def _fold(name: str) -> str:
    return re.sub(r"[\s\-_.]+", "_", name.strip().casefold())


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:65536]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets on Windows save "CSV" in the ANSI code page.
        return data.decode("cp1252", errors="replace")


def _read_source(
    source: str | Path, kind: ImportKind | None
) -> tuple[str | None, ImportKind | None, str | None]:
    """The text of a file or pasted text, the kind it is, or a problem with the file as a whole."""
    if isinstance(source, Path):
        try:
            size = source.stat().st_size
            if size > MAX_IMPORT_BYTES:
                return (
                    None,
                    kind,
                    f"{source.name} is {size / 1e6:.0f} MB; an import file can be at most "
                    f"{MAX_IMPORT_BYTES / 1e6:.0f} MB.",
                )
            data = source.read_bytes()
        except IsADirectoryError:
            return None, kind, f"{source.name} is a folder; choose a CSV or JSONL file."
        except OSError as exc:
            return None, kind, f"{source.name} could not be read: {exc.strerror or exc}."
        text = _decode(data)
        if text is None:
            return (
                None,
                kind,
                f"{source.name} is not a text file, so it is neither CSV nor JSONL. "
                "Save the rows as CSV (a spreadsheet can) or as JSONL.",
            )
        if kind is None:
            suffix = source.suffix.casefold()
            if suffix in (".jsonl", ".ndjson", ".json"):
                kind = "jsonl"
            elif suffix in (".csv", ".tsv", ".txt"):
                kind = "csv"
    else:
        text = source.removeprefix("\ufeff")
    if kind is None:
        kind = "jsonl" if text.lstrip().startswith(("{", "[")) else "csv"
    return text, kind, None


def import_rows(
    source: str | Path,
    kind: ImportKind | None,
    schema: InputSchema,
    base: Mapping[str, Any] | None = None,
    *,
    fresh_seeds: Iterable[FieldSpec] = (),
    rng: random.Random | None = None,
) -> ImportResult:
    """Read input rows from CSV or JSONL text (a ``str``) or a file (a ``Path``).

    Each row's values are typed per field, put over ``base`` (the form's values) and validated
    with the schema; a row that fails is kept with its problems in plain words, never sent.
    A row that leaves one of ``fresh_seeds`` empty gets its own random seed there (the form
    leaves those fields random per run). Columns that are not inputs are ignored with a
    warning. ``kind=None`` guesses from the file name or the text. Never raises on what the
    file contains.
    """
    text, found_kind, problem = _read_source(source, kind)
    if problem is not None or text is None:
        return ImportResult(kind=found_kind, file_problem=problem)
    if not text.strip():
        return ImportResult(kind=found_kind, file_problem="The file is empty: it has no rows.")
    context = _RowContext(schema, dict(base or {}), tuple(fresh_seeds), rng or random.Random())
    if found_kind == "jsonl":
        return _import_jsonl(text, context)
    return _import_csv(text, context)


@dataclass(frozen=True)
class _RowContext:
    schema: InputSchema
    base: dict[str, Any]
    fresh_seeds: tuple[FieldSpec, ...]
    rng: random.Random

    def finish(
        self,
        row_number: int,
        cells: dict[str, str],
        values: dict[str, Any],
        problems: list[str],
        failed: set[str],
    ) -> ImportedRow:
        inputs = {**self.base, **values}
        if self.fresh_seeds:
            inputs = draw_seeds([inputs], self.fresh_seeds, self.rng, shared=False)[0]
        kept = {k: v for k, v in inputs.items() if k not in failed}
        for error in self.schema.validate(kept):
            if error.field not in failed:
                problems.append(error.message)
        return ImportedRow(row_number, cells, inputs, tuple(problems))


def _import_csv(text: str, context: _RowContext) -> ImportResult:
    schema = context.schema
    columns = _Columns(schema)
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _delimiter(header_line, columns)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    specs: list[FieldSpec | None] = []
    warnings: list[RowProblem] = []
    rows: list[ImportedRow] = []
    line_before = 0
    try:
        for record in reader:
            row_number = line_before + 1
            line_before = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.strip() for cell in record]
                specs, warnings = _map_header(header, columns, row_number)
                if not any(specs):
                    return ImportResult(kind="csv", file_problem=_no_inputs(header, schema))
                continue
            if len(rows) >= MAX_BATCH_RUNS:
                return ImportResult(kind="csv", file_problem=_too_many_rows())
            rows.append(_csv_row(row_number, record, header, specs, context))
    except csv.Error as exc:
        return ImportResult(
            kind="csv", file_problem=f"This is not a readable CSV file (row {line_before}: {exc})."
        )
    if header is None:
        return ImportResult(kind="csv", file_problem="The file is empty: it has no rows.")
    if not rows:
        return ImportResult(
            kind="csv",
            file_problem="The file has a header row but no rows of inputs under it.",
        )
    used = tuple(spec.name for spec in specs if spec is not None)
    return ImportResult(
        kind="csv", columns=used, rows=tuple(rows), warnings=tuple(warnings), row_word="Row"
    )


def _delimiter(header_line: str, columns: _Columns) -> str:
    best, best_score = ",", (-1, -1)
    for candidate in (",", ";", "\t", "|"):
        cells = next(csv.reader([header_line], delimiter=candidate), [])
        score = (sum(1 for c in cells if columns.find(c) is not None), len(cells))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _map_header(
    header: list[str], columns: _Columns, row_number: int
) -> tuple[list[FieldSpec | None], list[RowProblem]]:
    specs: list[FieldSpec | None] = []
    warnings: list[RowProblem] = []
    taken: set[str] = set()
    for name in header:
        spec = columns.find(name) if name else None
        if spec is not None and spec.name in taken:
            warnings.append(
                RowProblem(
                    row_number,
                    f"Column {quoted(name)} repeats {spec.name}; only the first is used.",
                    warning=True,
                )
            )
            spec = None
        elif spec is None and name:
            warnings.append(
                RowProblem(
                    row_number,
                    f"Column {quoted(name)} is not an input of this workflow and is ignored.",
                    warning=True,
                )
            )
        if spec is not None:
            taken.add(spec.name)
        specs.append(spec)
    return specs, warnings


def _no_inputs(header: list[str], schema: InputSchema) -> str:
    names = ", ".join(spec.name for spec in schema.fields[:6])
    found = ", ".join(shorten(h, 24) for h in header[:6] if h)
    return (
        f"None of the columns ({found}) is an input of this workflow, so this is not a CSV "
        f"file of its inputs. The first row must name the inputs, such as: {names}."
    )


def _too_many_rows() -> str:
    return (
        f"This file has more than {MAX_BATCH_RUNS:,} rows; one batch can hold at most "
        f"{MAX_BATCH_RUNS:,} runs. Split it into smaller files."
    )


def _csv_row(
    row_number: int,
    record: list[str],
    header: list[str],
    specs: list[FieldSpec | None],
    context: _RowContext,
) -> ImportedRow:
    problems: list[str] = []
    extra = [cell for cell in record[len(header) :] if cell.strip()]
    if extra:
        problems.append(
            f"This row has {len(header) + len(extra)} values but the first row names "
            f"{len(header)} columns."
        )
    cells: dict[str, str] = {}
    values: dict[str, Any] = {}
    failed: set[str] = set()
    for index, spec in enumerate(specs):
        if spec is None:
            continue
        raw = record[index] if index < len(record) else ""
        cells[spec.name] = raw
        cell = raw.strip()
        if not cell:
            continue
        try:
            values[spec.name] = cell_value(spec, cell)
        except BatchPlanError as exc:
            problems.append(str(exc))
            failed.add(spec.name)
    return context.finish(row_number, cells, values, problems, failed)


def _import_jsonl(text: str, context: _RowContext) -> ImportResult:
    stripped = text.strip()
    if stripped.startswith("["):
        whole = _json_array(stripped)
        if whole is not None:
            return _import_objects(list(enumerate(whole, 1)), context, "Item")
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    entries: list[tuple[int, Any]] = []
    bad_json: dict[int, str] = {}
    for number, line in lines:
        try:
            entries.append((number, json.loads(line)))
        except (json.JSONDecodeError, RecursionError) as exc:
            detail = (
                f"{exc.msg.lower()} at column {exc.colno}"
                if isinstance(exc, json.JSONDecodeError)
                else "nested too deeply"
            )
            bad_json[number] = f"Not valid JSON: {detail}."
            entries.append((number, _BAD_JSON))
    if not any(isinstance(value, dict) for _, value in entries):
        return ImportResult(
            kind="jsonl",
            file_problem=(
                "This is not a JSONL file of inputs: no line holds a JSON object. Each line "
                'should look like {"prompt": "a red fox", "seed": 42}.'
            ),
        )
    return _import_objects(entries, context, "Line", bad_json)


_BAD_JSON = object()


def _json_array(text: str) -> list[Any] | None:
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, list) else None


def _import_objects(
    entries: list[tuple[int, Any]],
    context: _RowContext,
    row_word: str,
    bad_json: Mapping[int, str] | None = None,
) -> ImportResult:
    schema = context.schema
    columns = _Columns(schema)
    warned: set[str] = set()
    warnings: list[RowProblem] = []
    rows: list[ImportedRow] = []
    order: list[str] = []
    for number, value in entries:
        if len(rows) >= MAX_BATCH_RUNS:
            return ImportResult(kind="jsonl", file_problem=_too_many_rows())
        if bad_json and number in bad_json:
            rows.append(ImportedRow(number, {}, {}, (bad_json[number],)))
            continue
        if not isinstance(value, dict):
            found = _json_kind(value)
            rows.append(
                ImportedRow(
                    number,
                    {},
                    {},
                    (
                        f"This is {found}, not an object of inputs such as "
                        '{"prompt": "a red fox"}.',
                    ),
                )
            )
            continue
        problems: list[str] = []
        cells: dict[str, str] = {}
        values: dict[str, Any] = {}
        failed: set[str] = set()
        for key, raw in value.items():
            key_text = str(key)
            spec = columns.find(key_text)
            if spec is None:
                if key_text not in warned:
                    warned.add(key_text)
                    warnings.append(
                        RowProblem(
                            number,
                            f"{quoted(key_text)} is not an input of this workflow and is ignored.",
                            warning=True,
                        )
                    )
                continue
            if spec.name not in order:
                order.append(spec.name)
            cells[spec.name] = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
            if raw is None and not spec.nullable:
                continue
            try:
                values[spec.name] = typed_json_value(spec, raw)
            except BatchPlanError as exc:
                problems.append(str(exc))
                failed.add(spec.name)
        rows.append(context.finish(number, cells, values, problems, failed))
    field_order = {spec.name: i for i, spec in enumerate(schema.fields)}
    used = tuple(sorted(order, key=lambda name: field_order.get(name, 0)))
    return ImportResult(
        kind="jsonl", columns=used, rows=tuple(rows), warnings=tuple(warnings), row_word=row_word
    )


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a piece of text"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "null"

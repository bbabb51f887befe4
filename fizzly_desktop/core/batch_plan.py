"""Batch plans: the runs a batch will make (seed repeats, sweeps, imported rows) and their cost.

Everything here works on plain values and never raises on what a person typed or imported: bad
input becomes a :class:`BatchPlanError` with a sentence to show (sweeps, repeats) or a list of
:class:`RowProblem` s (imports). The dialog that builds a plan lives in ``ui/batch_builder.py``.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from fizzly_desktop.core.schema import SEED_MAX, FieldSpec, InputSchema, format_number

#: The most runs one batch can hold; a typo such as ``1..100000`` must not make a fortune of runs.
MAX_BATCH_RUNS = 1000

#: The most values one sweep axis can have (a grid wider than this cannot be looked at).
MAX_AXIS_VALUES = 100

#: Import files larger than this are refused before being read.
MAX_IMPORT_BYTES = 10_000_000

#: Field kinds whose values can be swept.
SWEEPABLE_KINDS = frozenset({"integer", "number", "enum", "string", "text", "boolean"})

SeedMode = Literal["random", "increment"]
ImportKind = Literal["csv", "jsonl"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class BatchPlanError(ValueError):
    """What a person asked for cannot make a batch; ``str(error)`` is a sentence to show them."""


# --- the plan -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepAxis:
    """One swept input and the values it takes, in the order the grid shows them."""

    field: str
    values: tuple[Any, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))

    def header(self, index: int) -> str:
        """The grid header of value ``index``: ``width = 512``."""
        return f"{self.field} = {format_value(self.values[index])}"


@dataclass(frozen=True)
class PlannedRun:
    """One run of a batch: the inputs it will send, its cell in a sweep grid, and a short label.

    ``grid_position`` is ``(row, column)``: the column is the index of axis A's value, the row the
    index of axis B's (0 when only one field is swept); ``None`` outside sweeps.
    """

    inputs: dict[str, Any]
    grid_position: tuple[int, int] | None
    label: str


@dataclass(frozen=True)
class BatchPlan:
    """A named, ordered list of runs of one workflow, ready for the batch queue.

    ``items`` are in the order they will be sent; ``axes`` holds the swept fields of a sweep
    (empty otherwise). ``input_sets()`` is what the batch queue takes.
    """

    name: str
    owner: str
    slug: str
    items: tuple[PlannedRun, ...]
    axes: tuple[SweepAxis, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "axes", tuple(self.axes))

    @property
    def workflow(self) -> str:
        """``owner/slug``."""
        return f"{self.owner}/{self.slug}"

    @property
    def grid_shape(self) -> tuple[int, int]:
        """``(rows, columns)`` of the sweep grid; ``(0, 0)`` when the plan is not a sweep."""
        if not self.axes:
            return (0, 0)
        columns = len(self.axes[0].values)
        rows = len(self.axes[1].values) if len(self.axes) > 1 else 1
        return (rows, columns)

    def input_sets(self) -> list[dict[str, Any]]:
        """The inputs of every run, in order (copies: the plan stays as it was)."""
        return [dict(item.inputs) for item in self.items]


# --- values in words ------------------------------------------------------------------------------


def format_value(value: Any) -> str:
    """A value as a person reads it in a label or header: ``7.5``, ``true``, ``a red fox``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    if value is None:
        return "none"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quoted(text: str) -> str:
    return f"'{_shorten(text, 60)}'"


def _count_words(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def default_batch_name(what: str, now: datetime | None = None) -> str:
    """A batch name that says what and when: ``Sweep guidance_scale × width — 28 Nov 21:40``."""
    moment = now or datetime.now()
    when = f"{moment.day} {_MONTHS[moment.month - 1]} {moment:%H:%M}"
    return f"{what} — {when}"


# --- schema helpers -------------------------------------------------------------------------------


def sweepable_fields(schema: InputSchema) -> list[FieldSpec]:
    """The inputs a sweep can vary: numbers, whole numbers, choices, text and yes/no."""
    return [spec for spec in schema.fields if spec.kind in SWEEPABLE_KINDS]


def seed_candidates(schema: InputSchema) -> list[FieldSpec]:
    """Whole-number inputs that can carry a seed, the ones named as seeds first."""
    whole = [spec for spec in schema.fields if spec.kind == "integer"]
    return sorted(whole, key=lambda spec: not spec.is_seed)


def seed_bounds(spec: FieldSpec | None) -> tuple[int, int]:
    """The seeds a field accepts: its own bounds, else ``0..4294967295``."""
    low, high = 0, SEED_MAX
    if spec is not None:
        if spec.lower_bound is not None:
            low = math.ceil(spec.lower_bound)
        if spec.upper_bound is not None:
            high = math.floor(spec.upper_bound)
    return low, high


# --- repeat with seeds ----------------------------------------------------------------------------


def _check_run_count(count: int) -> None:
    if count < 1:
        raise BatchPlanError("A batch needs at least one run.")
    if count > MAX_BATCH_RUNS:
        raise BatchPlanError(
            f"That is {count:,} runs; one batch can hold at most {MAX_BATCH_RUNS:,}."
        )


def repeat_with_seeds(
    base: Mapping[str, Any],
    n: int,
    seed_field: str | None = "seed",
    mode: SeedMode = "random",
    start: int | None = None,
    rng: random.Random | None = None,
    *,
    bounds: tuple[int, int] = (0, SEED_MAX),
) -> list[PlannedRun]:
    """``n`` runs of the same inputs, each with its own seed in ``seed_field``.

    ``mode="random"`` draws ``n`` different seeds within ``bounds`` (inclusive);
    ``mode="increment"`` counts up from ``start`` (default: the base's seed, else the lowest
    bound), wrapping round to the lowest bound after the highest. ``seed_field=None`` repeats the
    inputs unchanged (for workflows without a seed whose results vary anyway).
    """
    _check_run_count(n)
    if seed_field is None:
        return [
            PlannedRun(inputs=dict(base), grid_position=None, label=f"Run {i + 1}")
            for i in range(n)
        ]
    low, high = bounds
    if high < low:
        raise BatchPlanError(f"{seed_field} accepts no whole number, so it cannot take seeds.")
    available = high - low + 1
    if n > available:
        raise BatchPlanError(
            f"{seed_field} takes only {available:,} different seeds ({low} to {high}), "
            f"fewer than {n:,} runs."
        )
    if mode == "random":
        generator = rng or random.Random()
        seeds = [low + offset for offset in generator.sample(range(available), n)]
    elif mode == "increment":
        first = _first_seed(base.get(seed_field), low, high) if start is None else start
        if not low <= first <= high:
            raise BatchPlanError(
                f"The first seed must be between {low} and {high}; {first} is outside."
            )
        seeds = [low + (first - low + i) % available for i in range(n)]
    else:
        raise BatchPlanError(f"Seeds are either random or counted up, not {mode!r}.")
    return [
        PlannedRun(
            inputs={**base, seed_field: seed},
            grid_position=None,
            label=f"{seed_field} = {seed}",
        )
        for seed in seeds
    ]


def _first_seed(current: Any, low: int, high: int) -> int:
    if isinstance(current, int) and not isinstance(current, bool) and low <= current <= high:
        return current
    return low


def draw_seeds(
    inputs: Sequence[Mapping[str, Any]],
    seed_fields: Iterable[FieldSpec],
    rng: random.Random | None = None,
    *,
    shared: bool,
) -> list[dict[str, Any]]:
    """Give every input set a concrete seed where it has none, so each run can be reproduced.

    ``shared=True`` uses one seed per field for all sets (the cells of a sweep then differ only
    by the swept values); otherwise each set gets its own.
    """
    generator = rng or random.Random()
    specs = list(seed_fields)
    shared_seeds = {spec.name: _draw(spec, generator) for spec in specs} if shared else {}
    out: list[dict[str, Any]] = []
    for values in inputs:
        filled = dict(values)
        for spec in specs:
            if filled.get(spec.name) is None:
                seed = shared_seeds[spec.name] if shared else _draw(spec, generator)
                filled[spec.name] = seed
        out.append(filled)
    return out


def _draw(spec: FieldSpec, generator: random.Random) -> int:
    low, high = seed_bounds(spec)
    return generator.randint(low, high) if high >= low else low


# --- sweeps ---------------------------------------------------------------------------------------

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(
    r"^(?P<start>\S+?)\s*\.\.\s*(?P<end>\S+?)"
    r"(?:\s+step\s+(?P<step>\S+)|\s*[x×]\s*(?P<count>\S+))?$",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(rf"^{_NUMBER}$")
_TRUE_WORDS = frozenset({"true", "yes", "y", "on", "1"})
_FALSE_WORDS = frozenset({"false", "no", "n", "off", "0"})


def sweep_example(spec: FieldSpec) -> str:
    """What to type for this field, shown as a hint: ``1, 2, 5  or  1..10 step 2``."""
    if spec.kind == "integer":
        low = spec.lower_bound
        first = int(low) if low is not None else 1
        return f"{first}, {first + 1}, {first + 4}  or  {first}..{first + 9} step 2"
    if spec.kind == "number":
        return "0.5, 1, 2  or  0.5..1.5 x5  or  1..3 step 0.5"
    if spec.kind == "enum":
        return ", ".join(format_value(c) for c in spec.choices[:3]) + "  or  * for every choice"
    if spec.kind == "boolean":
        return "true, false"
    return "one value per line, or separated by commas"


def _split_items(text: str, spec: FieldSpec) -> list[str]:
    if spec.kind in ("string", "text") and "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    # Numbers and choices typed one per line mean the same as separated by commas.
    flat = ",".join(text.splitlines())
    row = next(csv.reader([flat], skipinitialspace=True), [])
    return [item.strip() for item in row if item.strip()]


def _decimal(text: str) -> Decimal | None:
    if not _NUMBER_RE.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    # Beyond this no input means anything, and range arithmetic would lose its precision.
    return value if abs(value) <= _LARGEST else None


_LARGEST = Decimal("1e18")


def _number_value(text: str, spec: FieldSpec) -> int | float:
    """A typed number for ``spec`` (int for whole-number fields), or a plain error."""
    value = _decimal(text)
    if value is None:
        word = "a whole number" if spec.kind == "integer" else "a number"
        raise BatchPlanError(f"{spec.name}: {_quoted(text)} is not {word}.")
    return _typed(value, spec, text)


def _typed(value: Decimal, spec: FieldSpec, text: str) -> int | float:
    whole = value == value.to_integral_value()
    if spec.kind == "integer":
        if not whole:
            raise BatchPlanError(f"{spec.name}: {_quoted(text)} is not a whole number.")
        return int(value)
    if whole and not any(mark in text for mark in ".eE"):
        return int(value)
    return float(value)


def _check_bounds(value: int | float, spec: FieldSpec) -> None:
    shown = format_number(value)
    if spec.minimum is not None and value < spec.minimum:
        raise BatchPlanError(
            f"{spec.name}: {shown} is below the minimum, {format_number(spec.minimum)}."
        )
    if spec.exclusive_minimum is not None and value <= spec.exclusive_minimum:
        raise BatchPlanError(
            f"{spec.name}: {shown} must be more than {format_number(spec.exclusive_minimum)}."
        )
    if spec.maximum is not None and value > spec.maximum:
        raise BatchPlanError(
            f"{spec.name}: {shown} is above the maximum, {format_number(spec.maximum)}."
        )
    if spec.exclusive_maximum is not None and value >= spec.exclusive_maximum:
        raise BatchPlanError(
            f"{spec.name}: {shown} must be less than {format_number(spec.exclusive_maximum)}."
        )


def _range_values(item: str, match: re.Match[str], spec: FieldSpec) -> list[int | float]:
    parts: dict[str, Decimal] = {}
    for key in ("start", "end"):
        number = _decimal(match.group(key))
        if number is None:
            raise BatchPlanError(
                f"{spec.name}: in {_quoted(item)}, {_quoted(match.group(key))} is not a number."
            )
        parts[key] = number
    start, end = parts["start"], parts["end"]
    whole = spec.kind == "integer"
    if whole:
        for key in ("start", "end"):
            _typed(parts[key], spec, match.group(key))
    step_text, count_text = match.group("step"), match.group("count")
    if count_text is not None:
        if not count_text.isdigit():
            raise BatchPlanError(
                f"{spec.name}: in {_quoted(item)}, {_quoted('x' + count_text)} should be "
                "x and a count of values, such as x5."
            )
        count = int(count_text)
        if count < 2:
            raise BatchPlanError(
                f"{spec.name}: a range needs at least 2 values (x2 or more), not x{count}."
            )
        _check_axis_size(count, spec, item)
        if start == end:
            raise BatchPlanError(f"{spec.name}: {_quoted(item)} starts and ends at the same value.")
        gap = (end - start) / (count - 1)
        decimals = [start + gap * i for i in range(count - 1)] + [end]
        if whole:
            rounded = [int(d.to_integral_value(rounding="ROUND_HALF_UP")) for d in decimals]
            if len(set(rounded)) < len(rounded):
                span = int(abs(end - start)) + 1
                raise BatchPlanError(
                    f"{spec.name}: {_quoted(item)} would repeat whole numbers; between "
                    f"{format_number(int(start))} and {format_number(int(end))} there are only "
                    f"{span}, so use x{span} or fewer."
                )
            return list(rounded)
        return [float(d) for d in decimals]
    if step_text is None:
        if not whole:
            raise BatchPlanError(
                f"{spec.name}: say how many values ({match.group('start')}.."
                f"{match.group('end')} x5) or the step ({match.group('start')}.."
                f"{match.group('end')} step 0.25)."
            )
        step = Decimal(1)
    else:
        parsed_step = _decimal(step_text)
        if parsed_step is None:
            raise BatchPlanError(
                f"{spec.name}: in {_quoted(item)}, the step {_quoted(step_text)} is not a number."
            )
        step = parsed_step
        if step <= 0:
            raise BatchPlanError(
                f"{spec.name}: the step must be more than 0 (to count down, write "
                f"{match.group('end')}..{match.group('start')} step {format_number(float(-step))})."
                if step < 0
                else f"{spec.name}: the step must be more than 0."
            )
        if whole and step != step.to_integral_value():
            raise BatchPlanError(
                f"{spec.name} takes whole numbers, so the step must be whole, "
                f"not {format_number(float(step))}."
            )
    direction = 1 if end >= start else -1
    count = int(abs(end - start) // step) + 1
    _check_axis_size(count, spec, item)
    decimals = [start + direction * step * i for i in range(count)]
    if whole:
        return [int(d) for d in decimals]
    return [float(d) for d in decimals]


def _check_axis_size(count: int, spec: FieldSpec, item: str) -> None:
    if count > MAX_AXIS_VALUES:
        raise BatchPlanError(
            f"{spec.name}: {_quoted(item)} gives {count:,} values; a sweep can try at most "
            f"{MAX_AXIS_VALUES} values of one field."
        )


def _choice_value(item: str, spec: FieldSpec) -> Any:
    for choice in spec.choices:
        if format_value(choice) == item:
            return choice
    folded = item.casefold()
    matches = [c for c in spec.choices if format_value(c).casefold() == folded]
    if len(matches) == 1:
        return matches[0]
    shown = ", ".join(format_value(c) for c in spec.choices[:12])
    more = ", …" if len(spec.choices) > 12 else ""
    raise BatchPlanError(f"{spec.name}: {_quoted(item)} is not one of the choices ({shown}{more}).")


def _boolean_value(item: str, spec: FieldSpec) -> bool:
    word = item.casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise BatchPlanError(f"{spec.name}: {_quoted(item)} is not true or false.")


def parse_sweep_values(text: str, field_spec: FieldSpec) -> list[Any]:
    """The values typed for one swept field, typed per the field's kind and checked.

    Accepts a list (``1, 2, 5``), ranges (``1..10 step 2``, ``0.5..1.5 x5``, ``1..5`` for whole
    numbers) or both (``1, 2, 10..20 step 5``); for choices ``*`` means every choice; text
    values go one per line, or separated by commas (quote a value that has a comma in it).
    Raises :class:`BatchPlanError` naming the field and what is wrong.
    """
    spec = field_spec
    if spec.kind not in SWEEPABLE_KINDS:
        raise BatchPlanError(
            f"{spec.name} cannot be swept; choose a number, a choice, text or a yes/no input."
        )
    items = _split_items(text, spec)
    if not items:
        raise BatchPlanError(f"Enter the values of {spec.name} to try, e.g. {sweep_example(spec)}.")
    values: list[Any] = []
    for item in items:
        if spec.kind in ("integer", "number"):
            match = _RANGE.match(item)
            if match:
                values.extend(_range_values(item, match, spec))
            elif ".." in item:
                raise BatchPlanError(
                    f"{spec.name}: {_quoted(item)} is not a range; write it as "
                    f"{sweep_example(spec).split('  or  ', 1)[1]}."
                )
            else:
                values.append(_number_value(item, spec))
        elif spec.kind == "enum":
            if item == "*":
                values.extend(spec.choices)
            else:
                values.append(_choice_value(item, spec))
        elif spec.kind == "boolean":
            values.append(_boolean_value(item, spec))
        else:
            values.append(item)
    seen: list[Any] = []
    for value in values:
        if spec.kind in ("integer", "number"):
            _check_bounds(value, spec)
        key = _identity(value)
        if key in seen:
            raise BatchPlanError(f"{spec.name}: {_quoted(format_value(value))} is listed twice.")
        seen.append(key)
    if len(values) > MAX_AXIS_VALUES:
        raise BatchPlanError(
            f"{spec.name}: that is {len(values):,} values; a sweep can try at most "
            f"{MAX_AXIS_VALUES} values of one field."
        )
    return values


def _identity(value: Any) -> tuple[str, Any]:
    # 5 and 5.0 are the same sweep value; True and 1 are not.
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", float(value))
    return ("other", format_value(value))


def sweep(
    base: Mapping[str, Any], axis_a: SweepAxis, axis_b: SweepAxis | None = None
) -> list[PlannedRun]:
    """One run per combination of the swept values, row by row (axis B rows × axis A columns)."""
    if not axis_a.values or (axis_b is not None and not axis_b.values):
        raise BatchPlanError("Each swept field needs at least one value.")
    if axis_b is not None and axis_b.field == axis_a.field:
        raise BatchPlanError(f"Both swept fields are {axis_a.field}; choose two different fields.")
    rows = len(axis_b.values) if axis_b is not None else 1
    columns = len(axis_a.values)
    _check_run_count(rows * columns)
    items: list[PlannedRun] = []
    for row in range(rows):
        for column in range(columns):
            inputs = {**base, axis_a.field: axis_a.values[column]}
            label = axis_a.header(column)
            if axis_b is not None:
                inputs[axis_b.field] = axis_b.values[row]
                label = f"{label} · {axis_b.header(row)}"
            items.append(PlannedRun(inputs=inputs, grid_position=(row, column), label=label))
    return items


def plan_from_input_sets(
    name: str,
    owner: str,
    slug: str,
    input_sets: Sequence[Mapping[str, Any]],
    seed_fields: Iterable[str] = ("seed",),
) -> BatchPlan:
    """A plan for a batch known only by its inputs (from history): its sweep grid recovered.

    The history keeps a batch's runs in order but not how they were made. When one or two
    inputs vary and the runs are every combination of their values, row by row, the plan gets
    those axes back, so a sweep still shows as a grid after a restart. Runs that only differ by
    a seed (a repeat) or vary otherwise get no axes and are labelled ``Run 1``, ``Run 2``….
    """
    sets = [dict(values) for values in input_sets]
    axes = _recover_axes(sets, set(seed_fields))
    if not axes:
        items = [
            PlannedRun(inputs=values, grid_position=None, label=f"Run {i + 1}")
            for i, values in enumerate(sets)
        ]
        return BatchPlan(name, owner, slug, tuple(items))
    base = {k: v for k, v in sets[0].items() if k not in {axis.field for axis in axes}}
    recovered = sweep(base, axes[0], axes[1] if len(axes) > 1 else None)
    items = [_with_inputs(item, values) for item, values in zip(recovered, sets, strict=True)]
    return BatchPlan(name, owner, slug, tuple(items), axes)


def _with_inputs(item: PlannedRun, inputs: dict[str, Any]) -> PlannedRun:
    """``item`` with other inputs (same place in the grid, same label)."""
    return PlannedRun(inputs=inputs, grid_position=item.grid_position, label=item.label)


def _recover_axes(sets: list[dict[str, Any]], seed_fields: set[str]) -> tuple[SweepAxis, ...]:
    if len(sets) < 2:
        return ()
    keys = {key for values in sets for key in values}
    varying = [
        key
        for key in sorted(keys)
        if len({json.dumps(v.get(key), sort_keys=True, default=str) for v in sets}) > 1
    ]
    if not 1 <= len(varying) <= 2 or (len(varying) == 1 and varying[0] in seed_fields):
        return ()
    # Axis A (columns) changes from one run to the next; axis B once per row.
    fast = [key for key in varying if sets[0].get(key) != sets[1].get(key)]
    if len(fast) != 1:
        return ()
    slow = [key for key in varying if key != fast[0]]
    a_values = _distinct([v.get(fast[0]) for v in sets])
    b_values = _distinct([v.get(slow[0]) for v in sets]) if slow else [None]
    if len(a_values) * len(b_values) != len(sets):
        return ()
    for index, values in enumerate(sets):
        row, column = divmod(index, len(a_values))
        if values.get(fast[0]) != a_values[column]:
            return ()
        if slow and values.get(slow[0]) != b_values[row]:
            return ()
    axis_a = SweepAxis(fast[0], tuple(a_values))
    return (axis_a, SweepAxis(slow[0], tuple(b_values))) if slow else (axis_a,)


def _distinct(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out


# --- imports --------------------------------------------------------------------------------------


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


def _cell_value(spec: FieldSpec, text: str) -> Any:
    """A CSV cell (or a JSON string for a non-text field) as the value the field takes."""
    if spec.nullable and text.casefold() in ("null", "none"):
        return None
    kind = spec.kind
    if kind in ("integer", "number"):
        return _number_value(text, spec)
    if kind == "boolean":
        return _boolean_value(text, spec)
    if kind == "enum":
        return _choice_value(text, spec)
    if kind == "json":
        # A free value: JSON when it reads as JSON, else the text itself.
        try:
            return json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            return text
    if kind == "object" or text.startswith("["):
        return _json_cell(spec, text)
    if kind == "number_list":
        # One number written plainly is a list of one.
        return [_number_value(text, _item_spec(spec))]
    if kind == "string_list" or (kind == "file" and spec.multiple):
        return [text]
    return text


def _item_spec(spec: FieldSpec) -> FieldSpec:
    return FieldSpec(name=spec.name, kind="integer" if spec.integer_items else "number", title="")


def _json_cell(spec: FieldSpec, text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        if spec.kind == "object":
            example = '{"width": 512}'
        elif spec.kind == "number_list":
            example = "[1, 2]"
        else:
            example = '["a", "b"]'
        raise BatchPlanError(
            f"{spec.name}: {_quoted(text)} is not valid JSON (write it like {example})."
        ) from None


def _typed_json_value(spec: FieldSpec, value: Any) -> Any:
    """A JSONL value, with numbers and yes/no given as text accepted too."""
    if isinstance(value, str) and spec.kind in ("integer", "number", "boolean"):
        return _cell_value(spec, value.strip())
    if (
        spec.kind == "integer"
        and isinstance(value, float)
        and value.is_integer()
        and math.isfinite(value)
    ):
        return int(value)
    if spec.kind == "enum" and isinstance(value, str) and value not in spec.choices:
        return _choice_value(value, spec)
    return value


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
                    f"Column {_quoted(name)} repeats {spec.name}; only the first is used.",
                    warning=True,
                )
            )
            spec = None
        elif spec is None and name:
            warnings.append(
                RowProblem(
                    row_number,
                    f"Column {_quoted(name)} is not an input of this workflow and is ignored.",
                    warning=True,
                )
            )
        if spec is not None:
            taken.add(spec.name)
        specs.append(spec)
    return specs, warnings


def _no_inputs(header: list[str], schema: InputSchema) -> str:
    names = ", ".join(spec.name for spec in schema.fields[:6])
    found = ", ".join(_shorten(h, 24) for h in header[:6] if h)
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
            values[spec.name] = _cell_value(spec, cell)
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
                            f"{_quoted(key_text)} is not an input of this workflow and is ignored.",
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
                values[spec.name] = _typed_json_value(spec, raw)
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


# --- cost and time --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchEstimate:
    """What a batch will take: runs, credits (``None`` until this workflow has a finished run),
    and the seconds the rate limit alone makes it last."""

    runs: int
    credits: float | None
    duration_seconds: float

    def describe(self) -> str:
        """``12 runs · about 60 credits · about 24 s at the rate limit``."""
        parts = [_count_words(self.runs, "run")]
        if self.credits is None:
            parts.append("credits unknown until the first run finishes")
        else:
            parts.append(f"about {format_credits(self.credits)} credits")
        parts.append(f"{format_duration(self.duration_seconds)} at the rate limit")
        return " · ".join(parts)


def format_credits(credits: float) -> str:
    """60 → ``60``, 7.5 → ``7.5``, 1234.4 → ``1,234``."""
    if credits >= 100 or float(credits).is_integer():
        return f"{round(credits):,}"
    return f"{credits:.1f}".rstrip("0").rstrip(".")


def format_duration(seconds: float) -> str:
    """``under 1 s``, ``about 24 s``, ``about 4 min``, ``about 2 h 10 min``."""
    if seconds < 1:
        return "under 1 s"
    if seconds < 90:
        return f"about {round(seconds)} s"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"about {minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"about {hours} h {rest} min" if rest else f"about {hours} h"


def estimate(
    plan: BatchPlan,
    credits_per_run: float | None,
    rate_limit: int,
    rate_window_s: float,
    requests_per_run: float = 2.0,
    already_queued_requests: int = 0,
) -> BatchEstimate:
    """Runs, credits and time of ``plan``.

    ``credits_per_run`` is the average of this workflow's past runs (``None`` when there is
    none yet). Time is what the shared rate budget allows: each run costs about
    ``requests_per_run`` requests (submit + stream), after ``already_queued_requests`` that are
    ahead of it, at ``rate_limit`` requests per ``rate_window_s`` seconds.
    """
    if rate_limit < 1 or rate_window_s <= 0:
        raise ValueError("The rate limit must allow at least one request per window.")
    runs = len(plan.items)
    credits = None if credits_per_run is None else runs * credits_per_run
    requests = runs * requests_per_run + max(0, already_queued_requests)
    return BatchEstimate(runs, credits, requests * rate_window_s / rate_limit)


def needs_confirmation(
    estimate: BatchEstimate, threshold_runs: int = 25, threshold_credits: float = 100
) -> bool:
    """Whether a batch is big enough to ask "are you sure?" (more runs or credits than these)."""
    if estimate.runs > threshold_runs:
        return True
    return estimate.credits is not None and estimate.credits > threshold_credits

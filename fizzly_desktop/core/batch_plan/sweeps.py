"""Sweeps: the values typed for one or two inputs, and the grid of runs they make."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from fizzly_desktop.core.batch_plan.plan import (
    MAX_AXIS_VALUES,
    SWEEPABLE_KINDS,
    BatchPlan,
    BatchPlanError,
    PlannedRun,
    SweepAxis,
    check_run_count,
    format_value,
    quoted,
)
from fizzly_desktop.core.batch_plan.values import (
    boolean_value,
    check_bounds,
    choice_value,
    number_value,
    parse_decimal,
    typed_number,
)
from fizzly_desktop.core.schema import FieldSpec, InputSchema, format_number


def sweepable_fields(schema: InputSchema) -> list[FieldSpec]:
    """The inputs a sweep can vary: numbers, whole numbers, choices, text and yes/no."""
    return [spec for spec in schema.fields if spec.kind in SWEEPABLE_KINDS]


_RANGE = re.compile(
    r"^(?P<start>\S+?)\s*\.\.\s*(?P<end>\S+?)"
    r"(?:\s+step\s+(?P<step>\S+)|\s*[x×]\s*(?P<count>\S+))?$",
    re.IGNORECASE,
)


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


def _range_values(item: str, match: re.Match[str], spec: FieldSpec) -> list[int | float]:
    parts: dict[str, Decimal] = {}
    for key in ("start", "end"):
        number = parse_decimal(match.group(key))
        if number is None:
            raise BatchPlanError(
                f"{spec.name}: in {quoted(item)}, {quoted(match.group(key))} is not a number."
            )
        parts[key] = number
    start, end = parts["start"], parts["end"]
    whole = spec.kind == "integer"
    if whole:
        for key in ("start", "end"):
            typed_number(parts[key], spec, match.group(key))
    step_text, count_text = match.group("step"), match.group("count")
    if count_text is not None:
        if not count_text.isdigit():
            raise BatchPlanError(
                f"{spec.name}: in {quoted(item)}, {quoted('x' + count_text)} should be "
                "x and a count of values, such as x5."
            )
        count = int(count_text)
        if count < 2:
            raise BatchPlanError(
                f"{spec.name}: a range needs at least 2 values (x2 or more), not x{count}."
            )
        _check_axis_size(count, spec, item)
        if start == end:
            raise BatchPlanError(f"{spec.name}: {quoted(item)} starts and ends at the same value.")
        gap = (end - start) / (count - 1)
        decimals = [start + gap * i for i in range(count - 1)] + [end]
        if whole:
            rounded = [int(d.to_integral_value(rounding="ROUND_HALF_UP")) for d in decimals]
            if len(set(rounded)) < len(rounded):
                span = int(abs(end - start)) + 1
                raise BatchPlanError(
                    f"{spec.name}: {quoted(item)} would repeat whole numbers; between "
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
        parsed_step = parse_decimal(step_text)
        if parsed_step is None:
            raise BatchPlanError(
                f"{spec.name}: in {quoted(item)}, the step {quoted(step_text)} is not a number."
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
            f"{spec.name}: {quoted(item)} gives {count:,} values; a sweep can try at most "
            f"{MAX_AXIS_VALUES} values of one field."
        )


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
                    f"{spec.name}: {quoted(item)} is not a range; write it as "
                    f"{sweep_example(spec).split('  or  ', 1)[1]}."
                )
            else:
                values.append(number_value(item, spec))
        elif spec.kind == "enum":
            if item == "*":
                values.extend(spec.choices)
            else:
                values.append(choice_value(item, spec))
        elif spec.kind == "boolean":
            values.append(boolean_value(item, spec))
        else:
            values.append(item)
    seen: list[Any] = []
    for value in values:
        if spec.kind in ("integer", "number"):
            check_bounds(value, spec)
        key = _identity(value)
        if key in seen:
            raise BatchPlanError(f"{spec.name}: {quoted(format_value(value))} is listed twice.")
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
    check_run_count(rows * columns)
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

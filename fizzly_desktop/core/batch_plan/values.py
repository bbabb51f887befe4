"""Typed values: what a person wrote in a sweep, a CSV cell or a JSONL line, as a field takes it."""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from fizzly_desktop.core.batch_plan.plan import (
    BatchPlanError,
    format_value,
    quoted,
)
from fizzly_desktop.core.schema import FieldSpec, format_number

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_NUMBER_RE = re.compile(rf"^{_NUMBER}$")
_TRUE_WORDS = frozenset({"true", "yes", "y", "on", "1"})
_FALSE_WORDS = frozenset({"false", "no", "n", "off", "0"})


def parse_decimal(text: str) -> Decimal | None:
    if not _NUMBER_RE.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    # Beyond this no input means anything, and range arithmetic would lose its precision.
    return value if abs(value) <= _LARGEST else None


_LARGEST = Decimal("1e18")


def number_value(text: str, spec: FieldSpec) -> int | float:
    """A typed number for ``spec`` (int for whole-number fields), or a plain error."""
    value = parse_decimal(text)
    if value is None:
        word = "a whole number" if spec.kind == "integer" else "a number"
        raise BatchPlanError(f"{spec.name}: {quoted(text)} is not {word}.")
    return typed_number(value, spec, text)


def typed_number(value: Decimal, spec: FieldSpec, text: str) -> int | float:
    whole = value == value.to_integral_value()
    if spec.kind == "integer":
        if not whole:
            raise BatchPlanError(f"{spec.name}: {quoted(text)} is not a whole number.")
        return int(value)
    if whole and not any(mark in text for mark in ".eE"):
        return int(value)
    return float(value)


def check_bounds(value: int | float, spec: FieldSpec) -> None:
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


def choice_value(item: str, spec: FieldSpec) -> Any:
    for choice in spec.choices:
        if format_value(choice) == item:
            return choice
    folded = item.casefold()
    matches = [c for c in spec.choices if format_value(c).casefold() == folded]
    if len(matches) == 1:
        return matches[0]
    shown = ", ".join(format_value(c) for c in spec.choices[:12])
    more = ", …" if len(spec.choices) > 12 else ""
    raise BatchPlanError(f"{spec.name}: {quoted(item)} is not one of the choices ({shown}{more}).")


def boolean_value(item: str, spec: FieldSpec) -> bool:
    word = item.casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise BatchPlanError(f"{spec.name}: {quoted(item)} is not true or false.")


def cell_value(spec: FieldSpec, text: str) -> Any:
    """A CSV cell (or a JSON string for a non-text field) as the value the field takes."""
    if spec.nullable and text.casefold() in ("null", "none"):
        return None
    kind = spec.kind
    if kind in ("integer", "number"):
        return number_value(text, spec)
    if kind == "boolean":
        return boolean_value(text, spec)
    if kind == "enum":
        return choice_value(text, spec)
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
        return [number_value(text, _item_spec(spec))]
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
            f"{spec.name}: {quoted(text)} is not valid JSON (write it like {example})."
        ) from None


def typed_json_value(spec: FieldSpec, value: Any) -> Any:
    """A JSONL value, with numbers and yes/no given as text accepted too."""
    if isinstance(value, str) and spec.kind in ("integer", "number", "boolean"):
        return cell_value(spec, value.strip())
    if (
        spec.kind == "integer"
        and isinstance(value, float)
        and value.is_integer()
        and math.isfinite(value)
    ):
        return int(value)
    if spec.kind == "enum" and isinstance(value, str) and value not in spec.choices:
        return choice_value(value, spec)
    return value

"""Whether a value fits a simple schema, worked out without jsonschema.

Reading a form's schema checks each input's default against the input's own schema (a
document may publish ``"1024"`` for a whole number). Almost every such schema is simple: a
type, a list of choices, bounds on a number or a text's length. Building a jsonschema validator
for each costs ~80 µs on the thread that reads the form; these are answered here exactly as
jsonschema (Draft 2020-12, formats not asserted) answers them, and anything else still goes to
jsonschema.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

__all__ = ["fits_simple_schema", "is_simple", "refusals"]

# Answered here: type, enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum,
# minLength, maxLength. Any of these other keywords (or a ``$`` one) sends a check to jsonschema.
_REFUSING = frozenset(
    {
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "dependentSchemas",
        "prefixItems",
        "items",
        "contains",
        "properties",
        "patternProperties",
        "additionalProperties",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
        "multipleOf",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maxContains",
        "minContains",
        "maxProperties",
        "minProperties",
        "required",
        "dependentRequired",
        "dependencies",
        "additionalItems",
    }
)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_type(value: Any, name: str) -> bool | None:
    """Whether ``value`` is of the JSON type ``name``; None for a name jsonschema does not know."""
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        if isinstance(value, float):
            return math.isfinite(value) and value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return _is_number(value)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, Mapping)
    return None


def _is_plain_choice(choice: Any) -> bool:
    """A scalar: text, a number, true or false, or null (lists and objects go to jsonschema)."""
    return choice is None or isinstance(choice, str | int | float)


def _same(value: Any, choice: Any) -> bool:
    """JSON Schema's equality of scalars: 1 equals 1.0, but true is not 1."""
    return (
        _is_plain_choice(value)
        and isinstance(value, bool) == isinstance(choice, bool)
        and bool(value == choice)
    )


def fits_simple_schema(value: Any, schema: Mapping[str, Any]) -> bool | None:
    """True or False as jsonschema would say; None when the schema is not simple enough."""
    if not is_simple(schema):
        return None
    return next(refusals(value, schema), None) is None


def refusals(value: Any, schema: Mapping[str, Any]) -> Iterator[str]:
    """The keywords of a simple ``schema`` that refuse ``value``, in the schema's order (as
    jsonschema reports them). ``format`` is not checked here."""
    for key, wanted in schema.items():
        refuses = _REFUSES.get(key)
        if refuses is not None and refuses(value, wanted):
            yield key


def _wrong_type(value: Any, wanted: Any) -> bool:
    names = [wanted] if isinstance(wanted, str) else wanted
    return not any(_is_type(value, name) for name in names)


_REFUSES: dict[str, Callable[[Any, Any], bool]] = {
    "type": _wrong_type,
    "enum": lambda value, choices: not any(_same(value, choice) for choice in choices),
    "const": lambda value, wanted: not _same(value, wanted),
    # Bounds apply to numbers only, lengths to text only (as in JSON Schema).
    "minimum": lambda value, bound: _is_number(value) and value < bound,
    "maximum": lambda value, bound: _is_number(value) and value > bound,
    "exclusiveMinimum": lambda value, bound: _is_number(value) and value <= bound,
    "exclusiveMaximum": lambda value, bound: _is_number(value) and value >= bound,
    "minLength": lambda value, bound: isinstance(value, str) and len(value) < bound,
    "maxLength": lambda value, bound: isinstance(value, str) and len(value) > bound,
}


def is_simple(schema: Any) -> bool:
    """Every keyword that can refuse a value is one answered here, with a well-formed value."""
    if not isinstance(schema, Mapping):
        return False
    for key in schema:
        if not isinstance(key, str) or key.startswith("$") or key in _REFUSING:
            return False
    if "type" in schema:
        declared = schema["type"]
        names = [declared] if isinstance(declared, str) else declared
        if not isinstance(names, list) or not all(
            isinstance(n, str) and _is_type(None, n) is not None for n in names
        ):
            return False
    if "enum" in schema:
        choices = schema["enum"]
        if not isinstance(choices, list) or not all(_is_plain_choice(c) for c in choices):
            return False
    if "const" in schema and not _is_plain_choice(schema["const"]):
        return False
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        if key in schema and not _is_number(schema[key]):
            return False
    for key in ("minLength", "maxLength"):
        if key in schema and not (isinstance(schema[key], int) and _is_number(schema[key])):
            return False
    return True

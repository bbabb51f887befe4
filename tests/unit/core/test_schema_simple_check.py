"""Defaults checked without jsonschema for simple schemas: the same answers as jsonschema's."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema import Draft202012Validator

from fizzly_desktop.core.schema import InputSchema, dialects
from fizzly_desktop.core.schema.simple_check import fits_simple_schema

SCHEMAS: list[dict[str, Any]] = [
    {"type": "string"},
    {"type": "integer"},
    {"type": "number"},
    {"type": "boolean"},
    {"type": "null"},
    {"type": "array"},
    {"type": "object"},
    {"type": ["string", "null"]},
    {"type": ["integer", "string"]},
    {"type": "integer", "minimum": 1, "maximum": 10},
    {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1.5},
    {"minimum": 0},
    {"type": "string", "minLength": 2, "maxLength": 4},
    {"maxLength": 3},
    {"enum": ["a", "b", None]},
    {"type": "string", "enum": ["euler", "ddim"]},
    {"enum": []},
    {"const": "fixed"},
    {"const": None},
    {"enum": [1, 2.5, True, None, "x"]},  # 1 and true differ in JSON Schema; 1 and 1.0 do not
    {"enum": [0, False]},
    {"const": 1},
    {"const": True},
    {"title": "Width", "description": "Pixels", "x-order": 3, "format": "uri", "nullable": True},
    {},
]
VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    5,
    10,
    11,
    -1,
    1.0,
    1.5,
    2.5,
    0.5,
    float("inf"),
    "",
    "a",
    "ab",
    "abcd",
    "abcde",
    "euler",
    "fixed",
    "1024",
    [],
    [1],
    {},
    {"a": 1},
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=str)
def test_simple_schemas_are_answered_as_jsonschema_answers(schema: dict[str, Any]) -> None:
    for value in VALUES:
        expected = Draft202012Validator(schema).is_valid(value)
        assert fits_simple_schema(value, schema) is expected, (schema, value)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "pattern": "^a"},
        {"anyOf": [{"type": "string"}]},
        {"$ref": "#/$defs/x"},
        {"type": "array", "items": {"type": "integer"}},
        {"type": "integer", "multipleOf": 8},
        {"enum": [[1], "a"]},
        {"const": {"a": 1}},
        {"type": "widget"},
        {"type": 3},
        {"minimum": "5"},
        {"minLength": 1.5},
        {"required": ["a"]},
    ],
    ids=str,
)
def test_other_schemas_are_left_to_jsonschema(schema: dict[str, Any]) -> None:
    assert fits_simple_schema("a", schema) is None


def test_reading_a_form_checks_simple_defaults_without_building_a_validator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[Any] = []

    def counting(schema: Any, *args: Any, **kwargs: Any) -> Any:
        built.append(schema)
        return Draft202012Validator(schema, *args, **kwargs)

    monkeypatch.setattr(jsonschema, "Draft202012Validator", counting)
    schema = InputSchema.from_document(
        {
            "type": "object",
            "properties": {
                "width": {"type": "integer", "default": 1024, "minimum": 64},
                "steps": {"type": "integer", "default": "30"},  # of the wrong type
                "guidance": {"type": "number", "default": 99, "maximum": 20},  # out of range
                "scheduler": {"type": "string", "enum": ["euler", "ddim"], "default": "ddim"},
                "prompt": {"type": "string", "default": "a cat", "minLength": 1},
                "code": {"type": "string", "pattern": "^[a-z]+$", "default": "abc"},
                "bad_code": {"type": "string", "pattern": "^[a-z]+$", "default": "ABC"},
            },
        }
    )
    by_name = {spec.name: spec for spec in schema.fields}
    kept = {name: (spec.has_default, spec.default) for name, spec in by_name.items()}
    assert kept == {
        "width": (True, 1024),
        "steps": (False, None),
        "guidance": (False, None),
        "scheduler": (True, "ddim"),
        "prompt": (True, "a cat"),
        "code": (True, "abc"),
        "bad_code": (False, None),
    }
    # Only the two inputs with a pattern needed jsonschema to check their defaults.
    assert [b.get("pattern") for b in built] == ["^[a-z]+$", "^[a-z]+$"]


def test_the_sample_schemas_read_the_same_with_and_without_the_simple_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    samples = sorted((Path(__file__).parents[3] / "resources" / "schemas").glob("*.json"))
    assert samples
    fast = [InputSchema.from_file(path).fields for path in samples]
    monkeypatch.setattr(dialects, "fits_simple_schema", lambda value, schema: None)
    slow = [InputSchema.from_file(path).fields for path in samples]
    assert fast == slow
    defaults = [spec.has_default for spec in itertools.chain.from_iterable(fast)]
    assert any(defaults)

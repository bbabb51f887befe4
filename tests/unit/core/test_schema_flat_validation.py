"""A flat schema of simple inputs is checked without jsonschema, finding what jsonschema finds."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.sandbox.workflows import WORKFLOWS

HANDMADE: dict[str, Any] = {
    "type": "object",
    "title": "Everything simple",
    "properties": {
        "prompt": {"type": "string", "minLength": 1, "maxLength": 5},
        "image": {"type": "string", "format": "uri", "maxLength": 30, "nullable": True},
        "size": {"type": "integer", "enum": [512, 768, 1024], "default": 512},
        "strength": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "style": {"type": "string", "enum": ["a", "b"], "nullable": True},
        "fast": {"type": "boolean", "const": True},
        "anything": {"title": "Anything"},
    },
    "required": ["prompt", "size"],
    "additionalProperties": False,
}

BAD_VALUES: list[Any] = [
    None,
    "",
    "x" * 40,
    "not a web address",
    "https://example.com/a.png",
    0,
    -1,
    1,
    1.0,
    2.5,
    1024,
    True,
    False,
    [],
    {},
    "b",
]


def _schemas() -> list[tuple[str, InputSchema]]:
    found = [("handmade", InputSchema.from_document(HANDMADE))]
    found += [
        (f"sandbox {ref}", InputSchema.from_document(wf.schema)) for ref, wf in WORKFLOWS.items()
    ]
    samples = Path(__file__).parents[3] / "resources" / "schemas"
    found += [(path.name, InputSchema.from_file(path)) for path in sorted(samples.glob("*.json"))]
    return found


def _value_sets(schema: InputSchema) -> list[dict[str, Any]]:
    base = schema.defaults()
    sets: list[dict[str, Any]] = [{}, base, {**base, "unknown_input": 1, "other": 2}]
    for spec in schema.fields:
        for bad in BAD_VALUES:
            sets.append({**base, spec.name: bad})
        sets.append({k: v for k, v in base.items() if k != spec.name})
    # Two inputs wrong at once: the order of the problems matters (the first is the one shown).
    names = [spec.name for spec in schema.fields]
    for first, second in itertools.pairwise(names):
        sets.append({**base, first: [], second: "x" * 40})
    return sets


@pytest.mark.parametrize(
    ("name", "schema"), _schemas(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_quick_check_finds_what_jsonschema_finds_in_the_same_words(
    name: str, schema: InputSchema
) -> None:
    for values in _value_sets(schema):
        assert schema.validate(values) == schema.validate(values, thorough=True), (name, values)


def test_the_sandbox_and_simple_schemas_take_the_quick_check() -> None:
    flat = {name: schema._validator._flat for name, schema in _schemas()}
    assert flat["handmade"]
    assert flat["sandbox demo/text-to-image"]
    assert flat["sandbox demo/image-to-image"]
    nested = InputSchema.from_document(
        {"type": "object", "properties": {"size": {"type": "object", "properties": {}}}}
    )
    assert not nested._validator._flat


def test_messages_of_the_quick_check_are_plain_words() -> None:
    schema = InputSchema.from_document(HANDMADE)
    problems = schema.validate({"prompt": "too long", "size": 100, "image": "nope", "x": 1})
    assert [(p.path, p.message) for p in problems] == [
        (("prompt",), "Prompt must be at most 5 characters."),
        (("image",), "Image must be a web address (http:// or https://) or a chosen file."),
        (("size",), "Size must be one of: 512, 768, 1024."),
        ((), "The inputs: this workflow does not take x."),
    ]


PROBE = """
import sys
from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.sandbox.workflows import WORKFLOWS
schema = InputSchema.from_document(WORKFLOWS["demo/text-to-image"].schema)
problems = schema.validate({"width": 10})
print([p.message for p in problems], "jsonschema" in sys.modules)
schema.validate({"width": 10}, thorough=True)
print("thorough", "jsonschema" in sys.modules)
"""


def test_a_form_of_simple_inputs_is_read_and_checked_without_importing_jsonschema() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.splitlines() == [
        "['Prompt is required.', 'Width must be at least 64.'] False",
        "thorough True",
    ]

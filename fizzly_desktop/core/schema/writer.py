"""Writing input schemas: from fields (what the field editor saves) and from examples of inputs."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from fizzly_desktop.core.schema.dialects import file_accept
from fizzly_desktop.core.schema.fields import (
    MULTILINE_MAX_LENGTH,
    FieldSpec,
    is_file_name,
    is_prompt_name,
)


def field_to_json_schema(spec: FieldSpec) -> dict[str, Any]:
    """The JSON Schema of one field, rebuilt from its spec (the inverse of reading it)."""
    out: dict[str, Any]
    if spec.kind in ("json", "union", "object_list", "color"):
        # Shapes the generator cannot rebuild keep the schema they were read from.
        out = {k: copy.deepcopy(v) for k, v in spec.schema.items() if k != "x-order"}
        for key in ("title", "description", "default"):
            out.pop(key, None)
        if spec.nullable and out.get("type") not in (None, "null"):
            out = {"anyOf": [out, {"type": "null"}]}
    elif spec.kind == "enum":
        out = {"enum": [*spec.choices, *([None] if spec.nullable else [])]}
        if any(spec.choice_labels):
            # The schema's own words for its choices survive the field editor.
            padding = [""] * (len(spec.choices) - len(spec.choice_labels))
            out["x-enum-labels"] = [*spec.choice_labels, *padding]
        types = sorted({_choice_type(c) for c in spec.choices})
        if len(types) == 1:
            out = {"type": types[0] if not spec.nullable else [types[0], "null"], **out}
    elif spec.kind in ("string", "text", "password"):
        out = {"type": "string"}
        if spec.kind == "password":
            out["format"] = "password"
        if (
            spec.kind == "text"
            and not is_prompt_name(spec.name)
            and ((spec.max_length or 0) <= MULTILINE_MAX_LENGTH)
        ):
            out["x-multiline"] = True
        if spec.kind == "string" and is_prompt_name(spec.name):
            out["x-multiline"] = False
        _put(out, "minLength", spec.min_length)
        _put(out, "maxLength", spec.max_length)
        _put(out, "pattern", spec.pattern)
    elif spec.kind in ("integer", "number"):
        out = {"type": spec.kind}
        _put(out, "minimum", spec.minimum)
        _put(out, "maximum", spec.maximum)
        _put(out, "exclusiveMinimum", spec.exclusive_minimum)
        _put(out, "exclusiveMaximum", spec.exclusive_maximum)
        _put(out, "multipleOf", spec.step)
    elif spec.kind == "boolean":
        out = {"type": "boolean"}
    elif spec.kind in ("string_list", "number_list"):
        item = (
            "string"
            if spec.kind == "string_list"
            else ("integer" if spec.integer_items else "number")
        )
        out = {"type": "array", "items": {"type": item}}
        _put(out, "minItems", spec.min_items)
        _put(out, "maxItems", spec.max_items)
    elif spec.kind == "file":
        single: dict[str, Any] = {"type": "string", "format": "uri"}
        _put(single, "contentMediaType", spec.accept)
        if spec.multiple:
            out = {"type": "array", "items": single}
            _put(out, "minItems", spec.min_items)
            _put(out, "maxItems", spec.max_items)
        else:
            out = single
    else:  # object
        out = object_schema(spec.fields)
    if spec.nullable and spec.kind not in ("json", "union", "object_list", "color", "enum"):
        declared = out.get("type")
        if isinstance(declared, str):
            out["type"] = [declared, "null"]
    if spec.title:
        out["title"] = spec.title
    if spec.description:
        out["description"] = spec.description
    if spec.has_default:
        out["default"] = copy.deepcopy(spec.default)
    return out


def _choice_type(choice: Any) -> str:
    if isinstance(choice, bool):
        return "boolean"
    if isinstance(choice, int):
        return "integer"
    if isinstance(choice, float):
        return "number"
    return "string"


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        target[key] = value


def object_schema(fields: Sequence[FieldSpec]) -> dict[str, Any]:
    """The object schema of a list of fields, in their order, stating which are required."""
    properties: dict[str, Any] = {}
    # Once any field is folded away, every field states its place so the choice survives saving.
    explicit = any(spec.is_advanced for spec in fields)
    for order, spec in enumerate(fields):
        prop = field_to_json_schema(spec)
        prop["x-order"] = order
        if explicit:
            prop["x-advanced"] = spec.is_advanced
        properties[spec.name] = prop
    out: dict[str, Any] = {"type": "object", "properties": properties}
    required = [spec.name for spec in fields if spec.required]
    if required:
        out["required"] = required
    return out


def _looks_like_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "data:")) and " " not in value


def _example_property(name: str, value: Any, depth: int) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"type": "boolean", "default": value}
    if isinstance(value, int):
        return {"type": "integer", "default": value}
    if isinstance(value, float):
        return {"type": "number", "default": value}
    if isinstance(value, str):
        prop: dict[str, Any] = {"type": "string", "default": value}
        if _looks_like_url(value) or (is_file_name(name) and not value):
            prop["format"] = "uri"
            accept = file_accept({}, name)
            if accept is None and value.startswith("data:image/"):
                accept = "image/*"
            _put(prop, "contentMediaType", accept)
            if not value:
                del prop["default"]
        elif not is_prompt_name(name) and ("\n" in value or len(value) > 80):
            prop["x-multiline"] = True
        return prop
    if isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            if all(_looks_like_url(v) for v in value) or is_file_name(name):
                item: dict[str, Any] = {"type": "string", "format": "uri"}
                _put(item, "contentMediaType", file_accept({}, name))
                return {"type": "array", "items": item, "default": value}
            return {"type": "array", "items": {"type": "string"}, "default": value}
        numbers = [v for v in value if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if value and len(numbers) == len(value):
            integer = all(isinstance(v, int) for v in value)
            return {
                "type": "array",
                "items": {"type": "integer" if integer else "number"},
                "default": value,
            }
        if not value:
            return {"type": "array", "items": {"type": "string"}}
        return {"type": "array", "default": value}
    if isinstance(value, Mapping) and value and depth < 4:
        nested = example_schema(value, depth + 1)
        nested["default"] = copy.deepcopy(dict(value))
        return nested
    if value is None:
        return {}
    return {"default": copy.deepcopy(value)}


def example_schema(example: Mapping[str, Any], depth: int = 0) -> dict[str, Any]:
    """A schema inferred from an example of inputs: types from the values, defaults = values."""
    properties: dict[str, Any] = {}
    for order, (name, value) in enumerate(example.items()):
        prop = _example_property(str(name), value, depth)
        prop["x-order"] = order
        properties[str(name)] = prop
    return {"type": "object", "properties": properties}

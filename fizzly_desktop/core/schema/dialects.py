"""Reading input schemas in their dialects (JSON Schema, OpenAPI, Cog, fal) into fields."""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from fizzly_desktop.core.schema.choices import explicit_labels, variant_names
from fizzly_desktop.core.schema.describe import display_title
from fizzly_desktop.core.schema.documents import (
    SCHEMA_KEYWORDS,
    Resolver,
    input_object,
    unwrap,
)
from fizzly_desktop.core.schema.fields import (
    ESSENTIAL_FIELD_COUNT,
    FIELD_KINDS,
    MULTILINE_MAX_LENGTH,
    FieldKind,
    FieldSpec,
    SchemaError,
    color_channels,
    humanize,
    is_file_name,
    is_prompt_name,
)
from fizzly_desktop.core.schema.simple_check import fits_simple_schema

_MAX_DEPTH = 8

_FILE_FORMATS = frozenset({"uri", "uri-reference", "iri", "data-url", "binary"})
_SCALAR_TYPES = (str, int, float, bool)


def read_document(
    document: Any, operation: str | None = None
) -> tuple[dict[str, Any], tuple[FieldSpec, ...]]:
    """Read a JSON Schema object or an OpenAPI document (its ``Input`` or a POST body).

    ``operation`` names the POST path to read in an OpenAPI document that has several; without
    it such a document raises :class:`OperationChoiceNeeded`. Returns the inputs' object schema
    with references resolved, and its fields in order.
    """
    if not isinstance(document, Mapping):
        kind = type(document).__name__
        words = {"list": "a list", "str": "a piece of text", "NoneType": "null"}
        raise SchemaError(
            'This is not an input schema: it should be a JSON object with "properties", '
            f"but it is {words.get(kind, kind)}."
        )
    document = unwrap(document)
    if not SCHEMA_KEYWORDS.intersection(document):
        raise SchemaError(
            'This is not an input schema: it has no "type" or "properties". If it is an '
            "example of inputs, add it as an example instead."
        )
    target = input_object(document, operation)
    resolved = Resolver(document).inline(target)
    if not isinstance(resolved, Mapping):
        raise SchemaError("This input schema could not be read.")
    resolved, _ = _flatten(resolved)
    declared, _ = _json_type(resolved)
    properties = resolved.get("properties", {})
    if declared not in (None, "object") or not isinstance(properties, Mapping):
        raise SchemaError(
            "This schema describes a single value, not a set of named inputs; a workflow's "
            'inputs are an object with "properties".'
        )
    if declared is None and not properties and "additionalProperties" not in resolved:
        raise SchemaError('This schema has no inputs: it lists no "properties".')
    required_value = resolved.get("required")
    required = set(required_value) if isinstance(required_value, list) else set()
    fields = [
        _build_field(name, properties[name], name in required, 0, True)
        for name in _ordered_names(resolved, properties)
    ]
    explicit = {
        name: bool(prop["x-advanced"])
        for name, prop in properties.items()
        if isinstance(prop, Mapping) and isinstance(prop.get("x-advanced"), bool)
    }
    schema = dict(resolved)
    schema.setdefault("type", "object")
    return schema, _mark_advanced(fields, explicit)


def _json_type(schema: Mapping[str, Any]) -> tuple[str | None, bool]:
    """The schema's single non-null ``type`` and whether ``null`` is allowed too."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return declared, declared == "null"
    if isinstance(declared, list):
        names = [t for t in declared if isinstance(t, str)]
        non_null = [t for t in names if t != "null"]
        nullable = "null" in names
        if len(non_null) == 1:
            return non_null[0], nullable
        if len(non_null) == 2 and set(non_null) == {"integer", "number"}:
            return "number", nullable
        return ("mixed" if non_null else None), nullable
    return None, False


def _flatten(schema: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """Merge the wrappers model APIs put around a field into one plain schema.

    ``allOf: [{$ref: Enum}]`` (Cog, pydantic) is merged into the field, keeping the field's own
    title and description; ``anyOf``/``oneOf`` with exactly one non-null branch (fal, pydantic
    ``Optional``) becomes that branch plus ``nullable``.
    """
    merged = dict(schema)
    nullable = False
    all_of = merged.get("allOf")
    if isinstance(all_of, list) and all(isinstance(part, Mapping) for part in all_of):
        del merged["allOf"]
        for part in all_of:
            inner, inner_nullable = _flatten(part)
            nullable = nullable or inner_nullable
            for key, value in inner.items():
                if key in ("title", "description") and key in schema:
                    continue
                if key in ("title", "description") and len(all_of) == 1 and "enum" in inner:
                    # An enum's own title ("scheduler") and description ("An enumeration.")
                    # describe the type, not this field.
                    continue
                if key == "required" and isinstance(merged.get("required"), list):
                    merged["required"] = [*merged["required"], *value]
                elif key == "properties" and isinstance(merged.get("properties"), Mapping):
                    merged["properties"] = {**merged["properties"], **value}
                else:
                    merged.setdefault(key, value)
    for combinator in ("anyOf", "oneOf"):
        branches = merged.get(combinator)
        if not isinstance(branches, list):
            continue
        non_null = [
            b for b in branches if not (isinstance(b, Mapping) and _json_type(b) == ("null", True))
        ]
        if len(non_null) < len(branches):
            nullable = True
        if len(non_null) == 1 and isinstance(non_null[0], Mapping):
            del merged[combinator]
            inner, inner_nullable = _flatten(non_null[0])
            nullable = nullable or inner_nullable
            for key, value in inner.items():
                if key in ("title", "description") and key in merged:
                    continue
                merged.setdefault(key, value)
    _, type_nullable = _json_type(merged)
    # OpenAPI 3.0 says "may be null" with a flag instead of a type.
    nullable = nullable or type_nullable or merged.get("nullable") is True
    enum = merged.get("enum")
    if isinstance(enum, list) and None in enum:
        nullable = True
    return merged, nullable


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _order_key(prop: Mapping[str, Any]) -> float:
    order = prop.get("x-order")
    number = _number(order)
    return float(number) if number is not None else math.inf


def _ordered_names(schema: Mapping[str, Any], properties: Mapping[str, Any]) -> list[str]:
    names = list(properties)
    fal_order = schema.get("x-fal-order-properties")
    if isinstance(fal_order, list):
        listed = [n for n in fal_order if isinstance(n, str) and n in properties]
        names = listed + [n for n in names if n not in listed]
    positions = {name: index for index, name in enumerate(names)}
    hinted = isinstance(fal_order, list) or any(
        isinstance(p, Mapping) and "x-order" in p for p in properties.values()
    )
    required = schema.get("required")
    must = set(required) if isinstance(required, list) else set()
    # Generated specs list inputs alphabetically (Hugging Face's): an order that says nothing,
    # so what must be given comes first (a chat's messages before its frequency penalty).
    alphabetical = not hinted and len(names) > 3 and names == sorted(names)

    def key(name: str) -> tuple[bool, float, int]:
        prop = properties[name]
        order = _order_key(prop) if isinstance(prop, Mapping) else math.inf
        return (alphabetical and name not in must, order, positions[name])

    return sorted(names, key=key)


def _infer_type_from_default(default: Any) -> str | None:
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, int):
        return "integer"
    if isinstance(default, float):
        return "number"
    if isinstance(default, str):
        return "string"
    if isinstance(default, list):
        return "array"
    if isinstance(default, dict):
        return "object"
    return None


def _is_file_schema(name: str, schema: Mapping[str, Any]) -> bool:
    fmt = schema.get("format")
    if isinstance(fmt, str) and fmt in _FILE_FORMATS:
        return True
    if "contentMediaType" in schema or "x-cog-accept" in schema or "contentEncoding" in schema:
        return True
    return is_file_name(name)


def file_accept(schema: Mapping[str, Any], name: str) -> str | None:
    """The media type pattern a file input takes, from its schema or else from its name."""
    for key in ("contentMediaType", "x-cog-accept", "x-accept"):
        value = schema.get(key)
        if isinstance(value, str) and value:
            return value
    lowered = name.lower()
    if any(word in lowered for word in ("image", "img", "mask", "photo", "picture")):
        return "image/*"
    if any(word in lowered for word in ("audio", "voice", "sound", "music", "song", "speech")):
        return "audio/*"
    if "video" in lowered:
        return "video/*"
    return None


def _build_field(name: str, raw: Any, required: bool, depth: int, top_level: bool) -> FieldSpec:
    if not isinstance(raw, Mapping):
        # ``true`` (anything goes) or a malformed entry: a free JSON value.
        return FieldSpec(name=name, kind="json", title=humanize(name), required=required)
    schema, nullable = _flatten(raw)
    title_value = schema.get("title")
    title = title_value.strip() if isinstance(title_value, str) and title_value.strip() else ""
    type_title = schema.get("x-type-title")
    if not title and isinstance(type_title, str) and type_title.islower():
        # Cog names an input's choices after the input ("scheduler"); its other inputs are
        # titled in Title Case ("Num Outputs"), so this one is too.
        title = humanize(type_title).title()
    title = display_title(title, name)
    description_value = schema.get("description")
    description = description_value.strip() if isinstance(description_value, str) else ""
    has_default = "default" in schema
    default = copy.deepcopy(schema.get("default"))
    if default == "null" and nullable:
        # Hugging Face's specs write "left empty" as the text "null": the input has no value
        # of its own unless one is given.
        has_default, default = False, None
    if has_default and default is not None and not _fits_own_schema(default, schema):
        # Some documents publish defaults of the wrong type ("1024" for a whole number); the
        # form would start invalid. Leave such an input unset: the server applies its default.
        has_default, default = False, None
    declared, _ = _json_type(schema)
    if declared is None and "enum" not in schema and "const" not in schema:
        if "properties" in schema:
            declared = "object"
        elif "items" in schema:
            declared = "array"
        elif has_default:
            declared = _infer_type_from_default(default)
    base = FieldSpec(
        name=name,
        kind="json",
        title=title,
        description=description,
        required=required,
        has_default=has_default,
        default=default,
        nullable=nullable,
        schema=schema,
    )
    kind_and_extras = _classify(name, schema, declared, depth)
    if kind_and_extras is None:
        return base
    kind, extras = kind_and_extras
    spec = replace(base, kind=kind, **extras)
    if top_level and spec.kind in ("integer", "number"):
        lowered = name.lower()
        if lowered == "seed" or lowered.endswith("_seed") or lowered == "random_seed":
            spec = replace(spec, is_seed=spec.kind == "integer" or spec.step in (None, 1))
    return spec


def _fits_own_schema(value: Any, schema: Mapping[str, Any]) -> bool:
    simple = fits_simple_schema(value, schema)
    if simple is not None:
        return simple
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError as SchemaValidationError

    try:
        return bool(Draft202012Validator(dict(schema)).is_valid(value))
    except (SchemaValidationError, RecursionError, TypeError, ValueError):
        return True


def _classify(
    name: str, schema: Mapping[str, Any], declared: str | None, depth: int
) -> tuple[FieldKind, dict[str, Any]] | None:
    extras: dict[str, Any] = {}
    enum = schema.get("enum")
    if "const" in schema and enum is None:
        enum = [schema["const"]]
    if isinstance(enum, list):
        choices = [c for c in enum if c is not None]
        if choices and all(isinstance(c, _SCALAR_TYPES) for c in choices):
            extras["choices"] = tuple(choices)
            extras["choice_labels"] = explicit_labels(schema, choices)
            return "enum", extras
        return None
    branches = _union_branches(schema)
    if branches:
        return _union(name, schema, branches, depth)
    if declared == "string":
        extras["min_length"] = _count(schema.get("minLength"))
        extras["max_length"] = _count(schema.get("maxLength"))
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error:
                return None
            extras["pattern"] = pattern
        fmt = schema.get("format")
        if fmt == "password" or schema.get("writeOnly") is True:
            return "password", extras
        if _is_file_schema(name, schema):
            extras["accept"] = file_accept(schema, name)
            return "file", extras
        max_length = extras["max_length"]
        multiline = schema.get("x-multiline")
        if multiline is False:
            return "string", extras
        if multiline is True or fmt in ("textarea", "multiline"):
            return "text", extras
        if (max_length or 0) > MULTILINE_MAX_LENGTH or is_prompt_name(name):
            return "text", extras
        return "string", extras
    if declared in ("integer", "number"):
        kind: FieldKind = "integer" if declared == "integer" else "number"
        extras["minimum"] = _number(schema.get("minimum"))
        extras["maximum"] = _number(schema.get("maximum"))
        exclusive_min = schema.get("exclusiveMinimum")
        exclusive_max = schema.get("exclusiveMaximum")
        # Draft 4 wrote exclusiveness as a flag on minimum/maximum.
        if exclusive_min is True:
            extras["exclusive_minimum"], extras["minimum"] = extras["minimum"], None
        else:
            extras["exclusive_minimum"] = _number(exclusive_min)
        if exclusive_max is True:
            extras["exclusive_maximum"], extras["maximum"] = extras["maximum"], None
        else:
            extras["exclusive_maximum"] = _number(exclusive_max)
        step = _number(schema.get("multipleOf"))
        if step is None:
            step = _number(schema.get("x-step") or schema.get("step"))
        extras["step"] = step if step and step > 0 else None
        return kind, extras
    if declared == "boolean":
        return "boolean", extras
    if declared == "array":
        items = schema.get("items")
        if items is None:
            items = {}
        if not isinstance(items, Mapping):
            return None
        item_schema, _ = _flatten(items)
        item_type, item_nullable = _json_type(item_schema)
        if item_nullable or "enum" in item_schema or "const" in item_schema:
            return None
        extras["min_items"] = _count(schema.get("minItems"))
        extras["max_items"] = _count(schema.get("maxItems"))
        item_properties = item_schema.get("properties")
        if item_type in ("object", None) and (
            (isinstance(item_properties, Mapping) and item_properties)
            or _union_branches(item_schema)
        ):
            # LoRAs, ControlNets, prompt segments: each item is a small form of its own, or a
            # choice of such forms (a chat message's text or image parts).
            item = _build_field(name, item_schema, True, depth + 1, False)
            if item.kind == "union":
                extras["variants"] = item.variants
                return "object_list", extras
            if item.kind not in ("object", "color"):
                return None
            extras["fields"] = item.fields
            return "object_list", extras
        if item_type == "string" and _is_file_schema(name, item_schema):
            extras["multiple"] = True
            extras["accept"] = file_accept(item_schema, name) or file_accept(schema, name)
            return "file", extras
        if item_type == "string":
            if any(k in item_schema for k in ("pattern", "minLength", "maxLength", "format")):
                return None
            return "string_list", extras
        if item_type in ("integer", "number"):
            if any(
                k in item_schema
                for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
            ):
                return None
            extras["integer_items"] = item_type == "integer"
            return "number_list", extras
        return None
    if declared == "object":
        properties = schema.get("properties")
        if not isinstance(properties, Mapping) or not properties or depth >= _MAX_DEPTH:
            return None
        if any(k in schema for k in ("patternProperties", "dependentRequired", "if")):
            return None
        required_value = schema.get("required")
        required = set(required_value) if isinstance(required_value, list) else set()
        extras["fields"] = tuple(
            _build_field(child, properties[child], child in required, depth + 1, False)
            for child in _ordered_names(schema, properties)
        )
        probe = FieldSpec(name=name, kind="object", title="", fields=extras["fields"])
        # An RGB object is a colour: a picker, not three numbers.
        return ("color" if color_channels(probe) else "object"), extras
    return None


#: What a branch of a union may be: any field but another union, or raw JSON.
_VARIANT_KINDS = frozenset(FIELD_KINDS) - {"union", "json"}


def _union_branches(schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The non-null branches of an ``anyOf``/``oneOf`` left after flattening (two or more)."""
    for combinator in ("anyOf", "oneOf"):
        branches = schema.get(combinator)
        if isinstance(branches, list):
            kept = [
                b for b in branches if isinstance(b, Mapping) and _json_type(b) != ("null", True)
            ]
            if len(kept) >= 2 and len(kept) == len(
                [
                    b
                    for b in branches
                    if not (isinstance(b, Mapping) and _json_type(b) == ("null", True))
                ]
            ):
                return kept
    return []


def _union(
    name: str, schema: Mapping[str, Any], branches: Sequence[Mapping[str, Any]], depth: int
) -> tuple[FieldKind, dict[str, Any]] | None:
    """ "A preset or a custom value", or a choice between objects: one field offering each
    shape the input may take."""
    if depth >= _MAX_DEPTH:
        return None
    branches = [_with_shared_properties(schema, branch) for branch in branches]
    variants = [_build_field(name, branch, True, depth + 1, False) for branch in branches]
    if any(v.kind not in _VARIANT_KINDS for v in variants):
        return None
    if all(v.kind == "enum" for v in variants):
        return "enum", _merged_enum(variants)
    shapes = [(v.kind, v.multiple) for v in variants if v.kind not in ("enum", "object")]
    if len(set(shapes)) < len(shapes):
        # Two branches of one kind (two kinds of text) cannot be told apart on screen.
        return None
    objects = [index for index, v in enumerate(variants) if v.kind == "object"]
    if len(objects) > 1:
        given = schema.get("discriminator")
        prop = given.get("propertyName") if isinstance(given, Mapping) else None
        names = variant_names(
            [variants[i] for i in objects], prop if isinstance(prop, str) else None
        )
        if names is None:
            names = [f"Option {number}" for number in range(1, len(objects) + 1)]
        for index, title in zip(objects, names, strict=True):
            variants[index] = replace(variants[index], title=title)
    # Presets first: the common choice is a preset, the custom shape is the exception.
    ordered = sorted(variants, key=lambda v: v.kind != "enum")
    return "union", {"variants": tuple(ordered)}


def _merged_enum(variants: Sequence[FieldSpec]) -> dict[str, Any]:
    """Several lists of fixed values are one list; a ``const`` with a ``title`` is a label."""
    choices: list[Any] = []
    labels: list[str] = []
    for variant in variants:
        own = variant.schema.get("title")
        for index, choice in enumerate(variant.choices):
            if choice in choices:
                continue
            label = variant.choice_labels[index] if index < len(variant.choice_labels) else ""
            if not label and len(variant.choices) == 1 and isinstance(own, str):
                label = own.strip()
            choices.append(choice)
            labels.append(label)
    return {"choices": tuple(choices), "choice_labels": tuple(labels) if any(labels) else ()}


def _with_shared_properties(
    schema: Mapping[str, Any], branch: Mapping[str, Any]
) -> Mapping[str, Any]:
    """A branch of an object's ``oneOf`` with the object's own properties added (a chat
    message: ``role`` and ``name`` beside either ``content`` or ``tool_calls``)."""
    shared = schema.get("properties")
    if not isinstance(shared, Mapping) or not shared:
        return branch
    declared, _ = _json_type(branch)
    own = branch.get("properties")
    if declared not in ("object", None) or (declared is None and not isinstance(own, Mapping)):
        return branch
    merged = dict(branch)
    merged["type"] = "object"
    merged["properties"] = {**shared, **(own if isinstance(own, Mapping) else {})}
    required: list[Any] = []
    for source in (schema, branch):
        listed = source.get("required")
        if isinstance(listed, list):
            required.extend(listed)
    if required:
        merged["required"] = list(dict.fromkeys(required))
    return merged


def _mark_advanced(
    fields: Sequence[FieldSpec], explicit: Mapping[str, bool]
) -> tuple[FieldSpec, ...]:
    """Fold optional fields beyond the essentials under "Advanced".

    Essentials: required fields, prompts and files, the seed, then the first fields in order up to
    :data:`ESSENTIAL_FIELD_COUNT`. A schema can decide itself with ``x-advanced: true/false``.
    """
    if len(fields) <= ESSENTIAL_FIELD_COUNT and not any(explicit.values()):
        return tuple(fields)
    essential: set[str] = set()
    # Inputs a schema says the model ignores ("UNUSED", as Hugging Face's specs write) fold.
    unused = {
        spec.name
        for spec in fields
        if re.match(r"\W*unused\b", spec.description, re.IGNORECASE) and spec.name not in explicit
    }
    for spec in fields:
        automatic = explicit.get(spec.name) is None and spec.name not in unused
        if (
            explicit.get(spec.name) is False
            or (spec.required and not spec.has_default)
            or (automatic and (spec.kind in ("text", "file") or spec.is_seed))
        ):
            essential.add(spec.name)
    for spec in fields:
        if len(essential) >= ESSENTIAL_FIELD_COUNT:
            break
        if spec.name not in explicit and spec.name not in unused:
            essential.add(spec.name)
    result = []
    for spec in fields:
        must_show = spec.required and not spec.has_default
        advanced = spec.name not in essential and not must_show
        if explicit.get(spec.name) is True and not must_show:
            advanced = True
        result.append(replace(spec, is_advanced=advanced))
    return tuple(result)

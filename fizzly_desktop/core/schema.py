"""Workflow input schemas: JSON Schema, OpenAPI, Cog and fal conventions normalised into fields.

A workflow's inputs arrive in many dialects. :class:`InputSchema` reads them all into one ordered
list of :class:`FieldSpec` s that a form can be built from, validates values with the
``jsonschema`` library in plain words, and writes a self-contained JSON Schema back out. Anything
it does not understand becomes a free JSON field rather than an error: a workflow with one odd
input must still be usable.
"""

from __future__ import annotations

import copy
import json
import math
import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, cast, get_args
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

FieldKind = Literal[
    "string",
    "text",
    "password",
    "enum",
    "integer",
    "number",
    "boolean",
    "string_list",
    "number_list",
    "object",
    "file",
    "json",
]

FIELD_KINDS: tuple[FieldKind, ...] = get_args(FieldKind)

#: Seeds are unsigned 32-bit in most image models; a random seed is drawn from this range.
SEED_MAX = 4_294_967_295

#: Strings longer than this (by ``maxLength``) get a multi-line editor.
MULTILINE_MAX_LENGTH = 200

#: A form shows this many fields before folding optional ones under "Advanced".
ESSENTIAL_FIELD_COUNT = 6

_MAX_DEPTH = 8

_PROMPT_WORDS = ("prompt", "text", "caption", "instruction", "instructions", "message", "story")
_PROMPT_NAMES = frozenset({"description", "content", "lyrics", "script", "context", "query"})
_FILE_FORMATS = frozenset({"uri", "uri-reference", "iri", "data-url", "binary"})
_SCALAR_TYPES = (str, int, float, bool)


class SchemaError(ValueError):
    """A document that cannot describe a workflow's inputs; ``str(error)`` is a plain sentence."""


@dataclass(frozen=True)
class FieldError:
    """One problem with the values: where (``path`` from the top, e.g. ``("size", "width")``)
    and what, in a sentence a non-programmer can act on."""

    path: tuple[str | int, ...]
    message: str

    @property
    def field(self) -> str:
        """The top-level input the problem belongs to ("" for the inputs as a whole)."""
        return str(self.path[0]) if self.path else ""


@dataclass(frozen=True, eq=True)
class FieldSpec:
    """One input of a workflow, as a form needs it.

    ``schema`` is the field's own JSON Schema with references resolved; it is what gets written
    back by :meth:`InputSchema.to_json_schema` for kinds the generator cannot rebuild (``json``).
    ``multiple`` marks a list of files (``*_urls``). ``accept`` is a media type pattern for files
    (``image/*``), ``integer_items`` tells a number list to hold whole numbers.
    """

    name: str
    kind: FieldKind
    title: str
    description: str = ""
    required: bool = False
    has_default: bool = False
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    step: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    choices: tuple[Any, ...] = ()
    nullable: bool = False
    fields: tuple[FieldSpec, ...] = ()
    is_seed: bool = False
    is_advanced: bool = False
    multiple: bool = False
    accept: str | None = None
    integer_items: bool = False
    schema: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_image(self) -> bool:
        """A file input that takes pictures (the picker shows a thumbnail)."""
        return self.kind == "file" and (self.accept or "image/*").startswith("image/")

    @property
    def lower_bound(self) -> float | None:
        """The smallest allowed number, counting an exclusive bound as one step inside."""
        if self.minimum is not None:
            return self.minimum
        if self.exclusive_minimum is not None:
            return self.exclusive_minimum + (1 if self.kind == "integer" else 0)
        return None

    @property
    def upper_bound(self) -> float | None:
        """The largest allowed number, counting an exclusive bound as one step inside."""
        if self.maximum is not None:
            return self.maximum
        if self.exclusive_maximum is not None:
            return self.exclusive_maximum - (1 if self.kind == "integer" else 0)
        return None


def humanize(name: str) -> str:
    """``negative_prompt`` → ``Negative prompt``; ``imageURL`` → ``Image URL``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    words = [w for w in re.split(r"[_\-\s.]+", spaced) if w]
    if not words:
        return name or "Input"
    text = " ".join(words)
    text = re.sub(r"\b(url|urls|id|uri)\b", lambda m: m.group(1).upper(), text, flags=re.I)
    return text[0].upper() + text[1:]


def is_prompt_name(name: str) -> bool:
    """Names whose values are usually long free text (prompts, captions, instructions)."""
    lowered = name.lower()
    if lowered in _PROMPT_NAMES:
        return True
    parts = re.split(r"[_\-\s]+", lowered)
    return any(part in _PROMPT_WORDS for part in parts)


def is_file_name(name: str) -> bool:
    """fal's convention: ``image_url``, ``mask_urls``… are files given by address."""
    lowered = name.lower()
    return lowered.endswith(("_url", "_urls")) or lowered in {"url", "urls", "image", "images"}


def format_number(value: float) -> str:
    """2048 → "2048", 7.5 → "7.5", 1e-05 → "0.00001"."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value))
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def random_seed_value(spec: FieldSpec | None = None, rng: random.Random | None = None) -> int:
    """A fresh seed inside the field's bounds (0..4294967295 when it states none)."""
    generator = rng or random.SystemRandom()
    low = 0
    high = SEED_MAX
    if spec is not None:
        if spec.lower_bound is not None:
            low = math.ceil(spec.lower_bound)
        if spec.upper_bound is not None:
            high = math.floor(spec.upper_bound)
    step = 1
    if spec is not None and spec.step is not None and float(spec.step).is_integer():
        step = max(int(spec.step), 1)
    # Seeds honour multipleOf too: draw a whole number of steps inside the bounds.
    first, last = -(-low // step), high // step
    if last < first:
        return first * step
    return generator.randint(first, last) * step


# --- reading documents ------------------------------------------------------------------------


class _Resolver:
    """Follows local ``$ref`` pointers (``#/components/schemas/X``, ``#/$defs/X``) in a document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document

    def lookup(self, ref: str) -> Mapping[str, Any] | None:
        if not ref.startswith("#"):
            return None
        pointer = ref[1:]
        node: Any = self._document
        if pointer in ("", "/"):
            return node if isinstance(node, Mapping) else None
        for raw in pointer.lstrip("/").split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node if isinstance(node, Mapping) else None

    def inline(self, schema: Any, seen: tuple[str, ...] = (), depth: int = 0) -> Any:
        """A copy of ``schema`` with every resolvable local reference replaced by its target.

        A reference that cannot be followed (remote, missing, or a cycle) becomes ``{}``, which
        accepts anything: the server remains the judge of such values.
        """
        if depth > 64:
            return {}
        if isinstance(schema, list):
            return [self.inline(item, seen, depth + 1) for item in schema]
        if not isinstance(schema, Mapping):
            return schema
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.lookup(ref) if ref not in seen else None
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            if target is None:
                resolved: dict[str, Any] = {"x-unresolved-ref": ref}
            else:
                resolved = dict(self.inline(target, (*seen, ref), depth + 1))
            for key, value in rest.items():
                resolved[key] = self.inline(value, seen, depth + 1)
            return resolved
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in ("$defs", "definitions"):
                continue
            if key in ("enum", "const", "default", "examples", "example"):
                out[key] = copy.deepcopy(value)
            else:
                out[key] = self.inline(value, seen, depth + 1)
        return out


_SCHEMA_KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "$ref",
        "allOf",
        "anyOf",
        "oneOf",
        "$schema",
        "openapi",
        "swagger",
        "components",
        "paths",
        "definitions",
        "$defs",
        "required",
        "x-fal-order-properties",
    }
)


def _input_object(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """Find the object describing the inputs in a JSON Schema or an OpenAPI document."""
    resolver = _Resolver(document)
    if "openapi" in document or "swagger" in document or "paths" in document:
        components = document.get("components")
        schemas = components.get("schemas") if isinstance(components, Mapping) else None
        if isinstance(schemas, Mapping) and isinstance(schemas.get("Input"), Mapping):
            return cast(Mapping[str, Any], schemas["Input"])
        body = _single_post_body(document, resolver)
        if body is not None:
            return body
        raise SchemaError(
            "This OpenAPI document has no input description: it has neither a "
            "components.schemas.Input object nor exactly one POST with a JSON body."
        )
    components = document.get("components")
    if "properties" not in document and isinstance(components, Mapping):
        schemas = components.get("schemas")
        if isinstance(schemas, Mapping) and isinstance(schemas.get("Input"), Mapping):
            return cast(Mapping[str, Any], schemas["Input"])
    return document


def _single_post_body(document: Mapping[str, Any], resolver: _Resolver) -> Mapping[str, Any] | None:
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return None
    posts = [
        item["post"]
        for item in paths.values()
        if isinstance(item, Mapping) and isinstance(item.get("post"), Mapping)
    ]
    if len(posts) != 1:
        return None
    body: Any = posts[0].get("requestBody")
    if isinstance(body, Mapping) and "$ref" in body:
        body = resolver.lookup(str(body["$ref"]))
    content = body.get("content") if isinstance(body, Mapping) else None
    if not isinstance(content, Mapping):
        return None
    media = content.get("application/json") or next(iter(content.values()), None)
    schema = media.get("schema") if isinstance(media, Mapping) else None
    if not isinstance(schema, Mapping):
        return None
    resolved = resolver.inline(schema)
    # A Fizzly-style body wraps the inputs: {"inputs": {...}}.
    props = resolved.get("properties")
    if isinstance(props, Mapping) and set(props) == {"inputs"}:
        inner = props["inputs"]
        if isinstance(inner, Mapping):
            return cast(Mapping[str, Any], inner)
    return cast(Mapping[str, Any], resolved)


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
    nullable = nullable or type_nullable
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

    def key(name: str) -> tuple[float, int]:
        prop = properties[name]
        return (_order_key(prop) if isinstance(prop, Mapping) else math.inf, positions[name])

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


def _accept(schema: Mapping[str, Any], name: str) -> str | None:
    for key in ("contentMediaType", "x-cog-accept", "x-accept"):
        value = schema.get(key)
        if isinstance(value, str) and value:
            return value
    lowered = name.lower()
    if any(word in lowered for word in ("image", "img", "mask", "photo", "picture")):
        return "image/*"
    if any(word in lowered for word in ("audio", "voice", "sound", "music")):
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
    title = title or humanize(name)
    description_value = schema.get("description")
    description = description_value.strip() if isinstance(description_value, str) else ""
    has_default = "default" in schema
    default = copy.deepcopy(schema.get("default"))
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
            return "enum", extras
        return None
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
            extras["accept"] = _accept(schema, name)
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
        if item_type == "string" and _is_file_schema(name, item_schema):
            extras["multiple"] = True
            extras["accept"] = _accept(item_schema, name) or _accept(schema, name)
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
        return "object", extras
    return None


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
    for spec in fields:
        automatic = explicit.get(spec.name) is None
        if (
            explicit.get(spec.name) is False
            or (spec.required and not spec.has_default)
            or (automatic and (spec.kind in ("text", "file") or spec.is_seed))
        ):
            essential.add(spec.name)
    for spec in fields:
        if len(essential) >= ESSENTIAL_FIELD_COUNT:
            break
        if spec.name not in explicit:
            essential.add(spec.name)
    result = []
    for spec in fields:
        must_show = spec.required and not spec.has_default
        advanced = spec.name not in essential and not must_show
        if explicit.get(spec.name) is True and not must_show:
            advanced = True
        result.append(replace(spec, is_advanced=advanced))
    return tuple(result)


# --- writing schemas --------------------------------------------------------------------------


def field_to_json_schema(spec: FieldSpec) -> dict[str, Any]:
    """The JSON Schema of one field, rebuilt from its spec (the inverse of reading it)."""
    out: dict[str, Any]
    if spec.kind == "json":
        out = {k: copy.deepcopy(v) for k, v in spec.schema.items() if k != "x-order"}
        for key in ("title", "description", "default"):
            out.pop(key, None)
        if spec.nullable and out.get("type") not in (None, "null"):
            out = {"anyOf": [out, {"type": "null"}]}
    elif spec.kind == "enum":
        out = {"enum": [*spec.choices, *([None] if spec.nullable else [])]}
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
        out = _object_schema(spec.fields)
    if spec.nullable and spec.kind not in ("json", "enum"):
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


def _object_schema(fields: Sequence[FieldSpec]) -> dict[str, Any]:
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


# --- validation messages ----------------------------------------------------------------------


def _uri_check(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if instance.startswith("data:"):
        return "," in instance
    try:
        parts = urlsplit(instance)
    except ValueError:
        return False
    return bool(parts.scheme) and bool(parts.netloc) and " " not in instance


_FORMAT_CHECKER = FormatChecker(formats=())
_FORMAT_CHECKER.checks("uri")(_uri_check)
_FORMAT_CHECKER.checks("iri")(_uri_check)


def _plural(count: float, word: str) -> str:
    return f"{format_number(count)} {word}{'' if count == 1 else 's'}"


def _choice_text(choices: Iterable[Any]) -> str:
    texts = ["none" if c is None else str(c) for c in choices]
    if len(texts) > 8:
        texts = [*texts[:8], "…"]
    return ", ".join(texts)


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "yes or no (true or false)",
    "array": "a list",
    "object": "a group of values (a JSON object)",
    "null": "empty (null)",
}


class InputSchema:
    """The inputs of one workflow: ordered fields plus the JSON Schema they were read from.

    Build one with :meth:`from_document` (a JSON Schema, an OpenAPI document, Cog or fal
    conventions), :meth:`from_json_text` / :meth:`from_file`, :meth:`from_example`,
    :meth:`from_fields` (the field editor) or :meth:`reference_example`.
    """

    def __init__(self, schema: Mapping[str, Any], fields: Sequence[FieldSpec]) -> None:
        self._schema: dict[str, Any] = copy.deepcopy(dict(schema))
        self.fields: tuple[FieldSpec, ...] = tuple(fields)
        self._validator = Draft202012Validator(self._schema, format_checker=_FORMAT_CHECKER)

    def __repr__(self) -> str:
        return f"InputSchema({[f'{f.name}:{f.kind}' for f in self.fields]})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InputSchema):
            return NotImplemented
        return self.fields == other.fields

    __hash__ = None  # type: ignore[assignment]

    # --- construction ---

    @classmethod
    def from_document(cls, document: Any) -> InputSchema:
        """Read a JSON Schema object or an OpenAPI document (its ``Input`` or single POST body)."""
        if not isinstance(document, Mapping):
            kind = type(document).__name__
            words = {"list": "a list", "str": "a piece of text", "NoneType": "null"}
            raise SchemaError(
                'This is not an input schema: it should be a JSON object with "properties", '
                f"but it is {words.get(kind, kind)}."
            )
        if not _SCHEMA_KEYWORDS.intersection(document):
            raise SchemaError(
                'This is not an input schema: it has no "type" or "properties". If it is an '
                "example of inputs, add it as an example instead."
            )
        target = _input_object(document)
        resolved = _Resolver(document).inline(target)
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
        return cls(schema, _mark_advanced(fields, explicit))

    @classmethod
    def from_json_text(cls, text: str) -> InputSchema:
        """Read a schema from JSON text (a pasted or imported document)."""
        return cls.from_document(parse_json_text(text, what="schema"))

    @classmethod
    def from_file(cls, path: Path) -> InputSchema:
        """Read a JSON Schema or OpenAPI file."""
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise SchemaError(f"{path.name} is not a text file, so it cannot be a schema.") from exc
        except OSError as exc:
            raise SchemaError(f"{path.name} could not be read: {exc.strerror or exc}.") from exc
        return cls.from_json_text(text)

    @classmethod
    def from_fields(cls, fields: Sequence[FieldSpec]) -> InputSchema:
        """The schema a list of fields describes (what the field editor produces)."""
        names = [spec.name for spec in fields]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise SchemaError(f"Two inputs are named {duplicates[0]!r}; names must differ.")
        if any(not n.strip() for n in names):
            raise SchemaError("Every input needs a name.")
        return cls.from_document(_object_schema(fields))

    @classmethod
    def from_example(cls, example: Any) -> InputSchema:
        """Infer the inputs from an example of them (types from the values, defaults = values)."""
        if not isinstance(example, Mapping):
            raise SchemaError(
                "An example of inputs should be a JSON object such as "
                '{"prompt": "A red fox", "seed": 42}.'
            )
        if not example:
            raise SchemaError("This example has no inputs in it.")
        return cls.from_document(_example_schema(example, 0))

    @classmethod
    def from_example_text(cls, text: str) -> InputSchema:
        """Infer the inputs from pasted JSON text of an example."""
        return cls.from_example(parse_json_text(text, what="example"))

    @classmethod
    def reference_example(cls) -> InputSchema:
        """The inputs of the API reference's example request: a prompt and a seed."""
        return cls.from_document(
            {
                "type": "object",
                "required": ["prompt"],
                "properties": {
                    "prompt": {
                        "type": "string",
                        "title": "Prompt",
                        "description": "What the image should show.",
                        "default": "A beautiful sunset over the ocean",
                        "x-order": 0,
                    },
                    "seed": {
                        "type": "integer",
                        "title": "Seed",
                        "description": "The same seed and inputs give the same result.",
                        "minimum": 0,
                        "maximum": SEED_MAX,
                        "x-order": 1,
                    },
                },
            }
        )

    # --- use ---

    def to_json_schema(self) -> dict[str, Any]:
        """A self-contained JSON Schema of these inputs (references resolved), for storing."""
        return copy.deepcopy(self._schema)

    def field(self, name: str) -> FieldSpec | None:
        """The top-level field called ``name``."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        return None

    def defaults(self) -> dict[str, Any]:
        """Default values of the fields that have one (nested objects: their children's)."""
        return _defaults(self.fields)

    def seed_fields(self) -> list[FieldSpec]:
        """Fields that take a random seed."""
        return [spec for spec in self.fields if spec.is_seed]

    def validate(self, values: Mapping[str, Any]) -> list[FieldError]:
        """Problems with ``values``, in field order, each in plain words (empty when valid)."""
        errors: list[FieldError] = []
        seen: set[tuple[tuple[str | int, ...], str]] = set()
        for error in self._validator.iter_errors(dict(values)):
            for field_error in self._describe(error):
                key = (field_error.path, field_error.message)
                if key not in seen:
                    seen.add(key)
                    errors.append(field_error)
        order = {spec.name: index for index, spec in enumerate(self.fields)}
        errors.sort(key=lambda e: (order.get(e.field, len(order)), len(e.path)))
        return errors

    def title_for(self, path: Sequence[str | int]) -> str:
        """The label of the field at ``path`` ("Width", "Size › Width", "Image URLs item 2")."""
        fields = self.fields
        parts: list[str] = []
        for step in path:
            if isinstance(step, int):
                parts.append(f"item {step + 1}")
                continue
            spec = next((f for f in fields if f.name == step), None)
            if spec is None:
                parts.append(humanize(step))
                fields = ()
            else:
                parts.append(spec.title)
                fields = spec.fields
        if not parts:
            return "The inputs"
        text = parts[0]
        for part in parts[1:]:
            text += f" {part}" if part.startswith("item ") else f" › {part}"
        return text

    def _describe(self, error: ValidationError) -> Iterator[FieldError]:
        path = tuple(error.absolute_path)
        keyword = str(error.validator)
        value = error.validator_value
        if keyword in ("anyOf", "oneOf") and error.context:
            # "anyOf [X, null]": the null branch's complaint ("must be null") is never the
            # helpful one; describe why the value does not fit X.
            useful = [e for e in error.context if not _is_null_branch_mismatch(e)]
            inner = best_match(useful or error.context)
            if inner is not None:
                yield from self._describe_at(path + tuple(inner.relative_path), inner)
                return
        if keyword == "required":
            instance = error.instance if isinstance(error.instance, Mapping) else {}
            for name in value if isinstance(value, list) else []:
                if name not in instance:
                    child = (*path, name)
                    yield FieldError(child, f"{self.title_for(child)} is required.")
            return
        yield from self._describe_at(path, error)

    def _describe_at(
        self, path: tuple[str | int, ...], error: ValidationError
    ) -> Iterator[FieldError]:
        if str(error.validator) == "required":
            yield from self._describe(_relocated(error, path))
            return
        yield FieldError(path, _message(self.title_for(path), error))


def _is_null_branch_mismatch(error: ValidationError) -> bool:
    return str(error.validator) == "type" and error.validator_value == "null"


def _relocated(error: ValidationError, path: tuple[str | int, ...]) -> ValidationError:
    moved = ValidationError(
        error.message,
        validator=error.validator,
        validator_value=error.validator_value,
        instance=error.instance,
        schema=error.schema,
        path=path,
    )
    return moved


def _message(title: str, error: ValidationError) -> str:
    keyword = str(error.validator)
    value: Any = error.validator_value
    instance = error.instance
    if keyword == "minimum":
        return f"{title} must be at least {format_number(value)}."
    if keyword == "maximum":
        return f"{title} must be at most {format_number(value)}."
    if keyword == "exclusiveMinimum":
        return f"{title} must be more than {format_number(value)}."
    if keyword == "exclusiveMaximum":
        return f"{title} must be less than {format_number(value)}."
    if keyword == "multipleOf":
        return f"{title} must be a multiple of {format_number(value)}."
    if keyword == "minLength":
        if value == 1:
            return f"{title} must not be empty."
        return f"{title} must be at least {_plural(value, 'character')}."
    if keyword == "maxLength":
        return f"{title} must be at most {_plural(value, 'character')}."
    if keyword == "pattern":
        return f"{title} is not in the expected form (it must match {value})."
    if keyword == "enum":
        return f"{title} must be one of: {_choice_text(value)}."
    if keyword == "const":
        return f"{title} must be {_choice_text([value])}."
    if keyword == "type":
        wanted = value if isinstance(value, list) else [value]
        words = [_TYPE_WORDS.get(str(w), str(w)) for w in wanted if w != "null"]
        if "null" in wanted and words:
            return f"{title} must be {' or '.join(words)}, or left empty."
        return f"{title} must be {' or '.join(words) or 'empty'}."
    if keyword == "format":
        if value in ("uri", "iri"):
            return f"{title} must be a web address (http:// or https://) or a chosen file."
        return f"{title} is not a valid {value}."
    if keyword == "minItems":
        if value == 1:
            return f"{title} needs at least one item."
        return f"{title} needs at least {_plural(value, 'item')}."
    if keyword == "maxItems":
        return f"{title} can have at most {_plural(value, 'item')}."
    if keyword == "uniqueItems":
        return f"{title} must not list the same item twice."
    if keyword == "additionalProperties":
        extra = sorted(
            set(instance) - set(error.schema.get("properties", {}))
            if isinstance(instance, Mapping) and isinstance(error.schema, Mapping)
            else []
        )
        names = ", ".join(str(name) for name in extra) or "some inputs"
        return f"{title}: this workflow does not take {names}."
    if keyword in ("minProperties", "maxProperties"):
        return f"{title} has the wrong number of entries."
    if keyword == "not":
        return f"{title} has a value that is not allowed."
    return f"{title}: {error.message}."


def parse_json_text(text: str, *, what: str) -> Any:
    """Parse JSON typed or pasted by a person, with an error that says where it went wrong."""
    if not text.strip():
        raise SchemaError(f"The {what} is empty.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"The {what} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
        ) from exc
    except RecursionError as exc:
        raise SchemaError(f"The {what} is nested too deeply to read.") from exc


def _defaults(fields: Sequence[FieldSpec]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in fields:
        if spec.has_default:
            out[spec.name] = copy.deepcopy(spec.default)
        elif spec.kind == "object" and spec.required:
            out[spec.name] = _defaults(spec.fields)
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
            accept = _accept({}, name)
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
                _put(item, "contentMediaType", _accept({}, name))
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
        nested = _example_schema(value, depth + 1)
        nested["default"] = copy.deepcopy(dict(value))
        return nested
    if value is None:
        return {}
    return {"default": copy.deepcopy(value)}


def _example_schema(example: Mapping[str, Any], depth: int) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for order, (name, value) in enumerate(example.items()):
        prop = _example_property(str(name), value, depth)
        prop["x-order"] = order
        properties[str(name)] = prop
    return {"type": "object", "properties": properties}

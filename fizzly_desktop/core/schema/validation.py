"""Validating input values with jsonschema, with each problem said in words a person can act on.

A flat schema of simple inputs (types, choices, bounds, lengths, web addresses: what most
workflows take) is checked without jsonschema, with the same words, so a form can be shown and
checked before jsonschema (~40 ms to import) has loaded; checking thoroughly (Run) and any other
schema use jsonschema, imported on first use or by the warm-up after start (``warm_up``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from fizzly_desktop.core.schema.fields import FieldError, FieldSpec, format_number, humanize
from fizzly_desktop.core.schema.simple_check import is_simple, refusals

if TYPE_CHECKING:
    from jsonschema import FormatChecker
    from jsonschema.exceptions import ValidationError


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


_CHECKED_FORMATS = ("uri", "iri")


@functools.cache
def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name in _CHECKED_FORMATS:
        checker.checks(name)(_uri_check)
    return checker


def warm_up() -> None:
    """Import jsonschema and set up its checks (in a worker, once a start is usable)."""
    from jsonschema import Draft202012Validator

    Draft202012Validator({"type": "object"}, format_checker=_format_checker())


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


class InputValidator:
    """Checks values against the inputs' schema; names each problem by its field's title."""

    def __init__(self, schema: Mapping[str, Any], fields: Sequence[FieldSpec]) -> None:
        self.fields: tuple[FieldSpec, ...] = tuple(fields)
        self._schema = with_openapi_nullable(schema)
        self._flat = _is_flat_and_simple(self._schema)
        self._validator: Any = None  # jsonschema's, made on first use

    def validate(self, values: Mapping[str, Any], *, thorough: bool = False) -> list[FieldError]:
        """Problems with ``values``, in field order, each in plain words (empty when valid).

        ``thorough``: always with jsonschema (as on Run), even for a flat, simple schema.
        """
        errors: list[FieldError] = []
        seen: set[tuple[tuple[str | int, ...], str]] = set()
        if self._flat and not thorough:
            found: Iterable[FieldError] = self._flat_errors(dict(values))
        else:
            found = (
                field_error
                for error in self._jsonschema().iter_errors(dict(values))
                for field_error in self._describe(error)
            )
        for field_error in found:
            key = (field_error.path, field_error.message)
            if key not in seen:
                seen.add(key)
                errors.append(field_error)
        order = {spec.name: index for index, spec in enumerate(self.fields)}
        errors.sort(key=lambda e: (order.get(e.field, len(order)), len(e.path)))
        return errors

    def _jsonschema(self) -> Any:
        if self._validator is None:
            from jsonschema import Draft202012Validator

            self._validator = Draft202012Validator(self._schema, format_checker=_format_checker())
        return self._validator

    def _flat_errors(self, values: dict[str, Any]) -> Iterator[FieldError]:
        """What jsonschema would find in ``values`` against a flat, simple schema, in its order
        (the schema's keywords in turn, each input's in turn), in the same words."""
        schema = self._schema
        properties: Mapping[str, Any] = schema.get("properties", {})
        for key, wanted in schema.items():
            if key == "properties":
                for name, child in properties.items():
                    if name in values:
                        yield from self._input_errors((name,), child, values[name])
            elif key == "required":
                for name in wanted:
                    if name not in values:
                        yield FieldError((name,), f"{self.title_for((name,))} is required.")
            elif key == "additionalProperties" and not wanted and set(values) - set(properties):
                words = _words(self.title_for(()), key, wanted, values, schema)
                yield FieldError((), words or "")

    def _input_errors(
        self, path: tuple[str | int, ...], schema: Mapping[str, Any], value: Any
    ) -> Iterator[FieldError]:
        refused = set(refusals(value, schema))
        if schema.get("format") in _CHECKED_FORMATS and not _uri_check(value):
            refused.add("format")
        if not refused:
            return
        title = self.title_for(path)
        for keyword, wanted in schema.items():  # in the schema's order, as jsonschema
            if keyword in refused:
                yield FieldError(path, _words(title, keyword, wanted, value, schema) or "")

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
                # A choice's inputs are those of its shapes (each object of a choice).
                fields = spec.fields or tuple(
                    child for variant in spec.variants for child in variant.fields
                )
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
            wanted = _types_wanted(useful)
            if wanted:
                words = " or ".join(dict.fromkeys(_TYPE_WORDS.get(w, w) for w in wanted))
                yield FieldError(path, f"{self.title_for(path)} must be {words}.")
                return
            fixed = _fixed_values_wanted(useful)
            if fixed is not None:
                child = (*path, fixed[0])
                yield FieldError(
                    child, f"{self.title_for(child)} must be one of: {_choice_text(fixed[1])}."
                )
                return
            from jsonschema.exceptions import best_match

            inner = _closest_branch_error(useful) or best_match(useful or error.context)
            if inner is not None:
                inner_path = path + tuple(inner.relative_path)
                if str(inner.validator) in ("anyOf", "oneOf") and inner.context:
                    yield from self._describe(_relocated(inner, inner_path))
                else:
                    yield from self._describe_at(inner_path, inner)
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


def _closest_branch_error(errors: Sequence[ValidationError]) -> ValidationError | None:
    """Among a choice's branches, the error of the one the value came closest to fitting.

    A branch whose value is of another type, or whose fixed ``type`` says another kind
    (``"image_url"`` for a text part), is not the one meant; of the others, the one whose
    problem lies deepest got furthest. None when the errors do not say which branch.
    """
    branches: dict[Any, list[ValidationError]] = {}
    for error in errors:
        if not error.relative_schema_path:
            return None
        branches.setdefault(error.relative_schema_path[0], []).append(error)
    if len(branches) < 2:
        return None

    def score(found: list[ValidationError]) -> tuple[bool, int, int]:
        mismatch = any(
            (str(e.validator) == "type" and not e.relative_path)
            or (str(e.validator) in ("enum", "const") and len(e.relative_path) == 1)
            for e in found
        )
        return (mismatch, -max(_depth(e) for e in found), len(found))

    chosen = min(branches.values(), key=score)
    # The deepest problem of that branch, itself a choice perhaps: described step by step,
    # so the path to it keeps every step ("Content item 1 › Image URL › URL").
    return max(chosen, key=_depth)


def _fixed_values_wanted(errors: Sequence[ValidationError]) -> tuple[str, list[Any]] | None:
    """When every branch of a choice fixes one property (``type``) to another value than the
    one given, that property and the values it may take; else None."""
    by_branch: dict[Any, list[Any]] = {}
    names: set[Any] = set()
    for error in errors:
        if not error.relative_schema_path:
            return None
        branch = error.relative_schema_path[0]
        by_branch.setdefault(branch, [])
        if str(error.validator) in ("enum", "const") and len(error.relative_path) == 1:
            names.add(error.relative_path[0])
            value: Any = error.validator_value
            by_branch[branch].extend(value if isinstance(value, list) else [value])
    if len(by_branch) < 2 or len(names) != 1 or not all(by_branch.values()):
        return None
    allowed = [v for values in by_branch.values() for v in values]
    return str(names.pop()), list(dict.fromkeys(allowed))


def _types_wanted(errors: Sequence[ValidationError]) -> list[str]:
    """The types a choice's branches ask for, when the value is of none of them; else []."""
    wanted: list[str] = []
    for error in errors:
        if str(error.validator) != "type" or error.relative_path:
            return []
        value = error.validator_value
        wanted.extend(str(v) for v in (value if isinstance(value, list) else [value]))
    return [w for w in wanted if w != "null"]


def _depth(error: ValidationError) -> int:
    """How deep in the value an error lies, counting the errors inside a choice's branches."""
    inner = max((_depth(e) for e in error.context or ()), default=0)
    return len(error.relative_path) + inner


def with_openapi_nullable(node: Any) -> Any:
    """OpenAPI 3.0's ``nullable: true`` said in JSON Schema terms (``type: [t, "null"]``), so
    that leaving such an input empty (null) is accepted, as the document means."""
    if isinstance(node, list):
        return [with_openapi_nullable(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    out = {
        key: value
        if key in ("enum", "const", "default", "examples")
        else with_openapi_nullable(value)
        for key, value in node.items()
    }
    if out.pop("nullable", None) is True:
        declared = out.get("type")
        if isinstance(declared, str):
            out["type"] = [declared, "null"]
        elif isinstance(declared, list) and "null" not in declared:
            out["type"] = [*declared, "null"]
        if isinstance(out.get("enum"), list) and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        if any(key in out for key in ("allOf", "anyOf", "oneOf", "$ref")):
            out = {"anyOf": [out, {"type": "null"}]}
    return out


def _is_null_branch_mismatch(error: ValidationError) -> bool:
    return str(error.validator) == "type" and error.validator_value == "null"


def _relocated(error: ValidationError, path: tuple[str | int, ...]) -> ValidationError:
    from jsonschema.exceptions import ValidationError

    moved = ValidationError(
        error.message,
        validator=error.validator,
        validator_value=error.validator_value,
        instance=error.instance,
        schema=error.schema,
        path=path,
        context=error.context,
    )
    return moved


def _message(title: str, error: ValidationError) -> str:
    words = _words(title, str(error.validator), error.validator_value, error.instance, error.schema)
    return words if words is not None else f"{title}: {error.message}."


def _words(title: str, keyword: str, value: Any, instance: Any, schema: Any) -> str | None:
    """The problem in plain words: ``keyword`` (wanting ``value``) refused ``instance``."""
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
            set(instance) - set(schema.get("properties", {}))
            if isinstance(instance, Mapping) and isinstance(schema, Mapping)
            else []
        )
        names = ", ".join(str(name) for name in extra) or "some inputs"
        return f"{title}: this workflow does not take {names}."
    if keyword in ("minProperties", "maxProperties"):
        return f"{title} has the wrong number of entries."
    if keyword == "not":
        return f"{title} has a value that is not allowed."
    return None


# The keywords a flat schema's top level may use besides annotations (title, description, ...).
_FLAT_TOP = frozenset({"type", "properties", "required", "additionalProperties", "$schema"})


def _is_flat_and_simple(schema: Any) -> bool:
    """An object of simple inputs: what ``InputValidator._flat_errors`` answers as jsonschema."""
    if not isinstance(schema, Mapping) or schema.get("type") != "object":
        return False
    top = {key: value for key, value in schema.items() if key not in _FLAT_TOP}
    if not is_simple(top) or "enum" in top or "const" in top:
        return False  # another keyword that could refuse the inputs
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    return (
        isinstance(properties, Mapping)
        and all(isinstance(name, str) and is_simple(s) for name, s in properties.items())
        and isinstance(required, list)
        and all(isinstance(name, str) for name in required)
        and isinstance(schema.get("additionalProperties", True), bool)
    )

"""InputSchema: the inputs of one workflow, read from any source, checked, and written out."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from fizzly_desktop.core.schema.dialects import read_document
from fizzly_desktop.core.schema.documents import post_operations
from fizzly_desktop.core.schema.fields import (
    SEED_MAX,
    FieldError,
    FieldSpec,
    SchemaError,
    parse_json_text,
)
from fizzly_desktop.core.schema.validation import InputValidator
from fizzly_desktop.core.schema.writer import example_schema, object_schema


class InputSchema:
    """The inputs of one workflow: ordered fields plus the JSON Schema they were read from.

    Build one with :meth:`from_document` (a JSON Schema, an OpenAPI document, Cog or fal
    conventions), :meth:`from_json_text` / :meth:`from_file`, :meth:`from_example`,
    :meth:`from_fields` (the field editor) or :meth:`reference_example`.
    """

    def __init__(self, schema: Mapping[str, Any], fields: Sequence[FieldSpec]) -> None:
        self._schema: dict[str, Any] = copy.deepcopy(dict(schema))
        self.fields: tuple[FieldSpec, ...] = tuple(fields)
        self._validator = InputValidator(self._schema, self.fields)

    def __repr__(self) -> str:
        return f"InputSchema({[f'{f.name}:{f.kind}' for f in self.fields]})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InputSchema):
            return NotImplemented
        return self.fields == other.fields

    __hash__ = None  # type: ignore[assignment]

    # --- construction ---

    @classmethod
    def from_document(cls, document: Any, operation: str | None = None) -> InputSchema:
        """Read a JSON Schema object or an OpenAPI document (its ``Input`` or a POST body).

        An OpenAPI document with several POST operations needs ``operation`` (the path);
        without it, :class:`OperationChoiceNeeded` lists them so the user can pick one.
        """
        schema, fields = read_document(document, operation)
        return cls(schema, fields)

    @classmethod
    def from_json_text(cls, text: str, operation: str | None = None) -> InputSchema:
        """Read a schema from JSON text (a pasted or imported document)."""
        return cls.from_document(parse_json_text(text, what="schema"), operation)

    @classmethod
    def from_file(cls, path: Path, operation: str | None = None) -> InputSchema:
        """Read a JSON Schema or OpenAPI file (``operation``: as for :meth:`from_document`)."""
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise SchemaError(f"{path.name} is not a text file, so it cannot be a schema.") from exc
        except OSError as exc:
            raise SchemaError(f"{path.name} could not be read: {exc.strerror or exc}.") from exc
        return cls.from_json_text(text, operation)

    @staticmethod
    def operations_in_file(path: Path) -> list[tuple[str, str]]:
        """The POST operations of an OpenAPI file, (path, what it does); [] if it is not one."""
        try:
            document = parse_json_text(path.read_text(encoding="utf-8"), what="schema")
        except (OSError, UnicodeDecodeError, SchemaError):
            return []
        return post_operations(document)

    @classmethod
    def from_fields(cls, fields: Sequence[FieldSpec]) -> InputSchema:
        """The schema a list of fields describes (what the field editor produces)."""
        names = [spec.name for spec in fields]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise SchemaError(f"Two inputs are named {duplicates[0]!r}; names must differ.")
        if any(not n.strip() for n in names):
            raise SchemaError("Every input needs a name.")
        return cls.from_document(object_schema(fields))

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
        return cls.from_document(example_schema(example))

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

    def validate(self, values: Mapping[str, Any], *, thorough: bool = False) -> list[FieldError]:
        """Problems with ``values``, in field order, each in plain words (empty when valid).

        ``thorough``: checked with jsonschema whatever the schema (as on Run); otherwise a flat
        schema of simple inputs is checked without it, with the same words.
        """
        return self._validator.validate(values, thorough=thorough)

    def title_for(self, path: Sequence[str | int]) -> str:
        """The label of the field at ``path`` ("Width", "Size › Width", "Image URLs item 2")."""
        return self._validator.title_for(path)


def _defaults(fields: Sequence[FieldSpec]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in fields:
        if spec.has_default:
            out[spec.name] = copy.deepcopy(spec.default)
        elif spec.kind == "object" and spec.required:
            out[spec.name] = _defaults(spec.fields)
    return out

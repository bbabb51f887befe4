"""Workflow input schemas: JSON Schema, OpenAPI, Cog and fal conventions normalised into fields.

A workflow's inputs arrive in many dialects. :class:`InputSchema` reads them all into one ordered
list of :class:`FieldSpec` s that a form can be built from, validates values with the
``jsonschema`` library in plain words, and writes a self-contained JSON Schema back out. Anything
it does not understand becomes a free JSON field rather than an error: a workflow with one odd
input must still be usable.

The package is split along those seams: :mod:`.fields` (what a field is), :mod:`.documents`
(finding the inputs in a host's record or an OpenAPI document, resolving references),
:mod:`.dialects` (reading them into fields), :mod:`.choices` (labels of fixed values, names of
the objects a choice offers), :mod:`.writer` (writing schemas, inferring them from examples),
:mod:`.validation` (jsonschema and the messages), :mod:`.describe` (help text, titles,
ranges), :mod:`.input_schema` (the class tying them).
"""

from __future__ import annotations

from fizzly_desktop.core.schema.choices import choice_labels, readable_choice
from fizzly_desktop.core.schema.describe import (
    SHORT_HELP_LENGTH,
    display_title,
    number_hint,
    plain_help,
    short_help,
)
from fizzly_desktop.core.schema.documents import OperationChoiceNeeded, post_operations
from fizzly_desktop.core.schema.fields import (
    ESSENTIAL_FIELD_COUNT,
    FIELD_KINDS,
    MULTILINE_MAX_LENGTH,
    SEED_MAX,
    FieldError,
    FieldKind,
    FieldSpec,
    SchemaError,
    color_channels,
    format_number,
    humanize,
    is_file_name,
    is_prompt_name,
    parse_json_text,
    random_seed_value,
)
from fizzly_desktop.core.schema.input_schema import InputSchema
from fizzly_desktop.core.schema.writer import field_to_json_schema

__all__ = [
    "ESSENTIAL_FIELD_COUNT",
    "FIELD_KINDS",
    "MULTILINE_MAX_LENGTH",
    "SEED_MAX",
    "SHORT_HELP_LENGTH",
    "FieldError",
    "FieldKind",
    "FieldSpec",
    "InputSchema",
    "OperationChoiceNeeded",
    "SchemaError",
    "choice_labels",
    "color_channels",
    "display_title",
    "field_to_json_schema",
    "format_number",
    "humanize",
    "is_file_name",
    "is_prompt_name",
    "number_hint",
    "parse_json_text",
    "plain_help",
    "post_operations",
    "random_seed_value",
    "readable_choice",
    "short_help",
]

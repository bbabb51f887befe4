"""Input forms generated from a workflow's JSON Schema: one editor per input, validated as typed."""

from __future__ import annotations

from fizzly_desktop.ui.forms.fields import (
    OMITTED,
    BooleanField,
    EnumField,
    FieldWidget,
    JsonField,
    LineField,
    ListField,
    NumberField,
    SeedField,
    TextField,
    create_field_widget,
)
from fizzly_desktop.ui.forms.files import MAX_FILE_BYTES, FileField, FileListField
from fizzly_desktop.ui.forms.group import FieldRow, FormSection, ObjectField
from fizzly_desktop.ui.forms.presets import PresetBar
from fizzly_desktop.ui.forms.schema_form import SchemaForm

__all__ = [
    "MAX_FILE_BYTES",
    "OMITTED",
    "BooleanField",
    "EnumField",
    "FieldRow",
    "FieldWidget",
    "FileField",
    "FileListField",
    "FormSection",
    "JsonField",
    "LineField",
    "ListField",
    "NumberField",
    "ObjectField",
    "PresetBar",
    "SchemaForm",
    "SeedField",
    "TextField",
    "create_field_widget",
]

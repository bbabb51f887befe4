"""Input forms generated from a workflow's JSON Schema: one editor per input, validated as typed."""

from __future__ import annotations

from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget
from fizzly_desktop.ui.forms.factory import (
    create_field_widget,
    field_widget_class,
    register_field_widget,
)
from fizzly_desktop.ui.forms.field_draft import KIND_NAMES, FieldDraft
from fizzly_desktop.ui.forms.field_editor import FieldEditorDialog
from fizzly_desktop.ui.forms.fields import BooleanField, EnumField, JsonField, LineField, TextField
from fizzly_desktop.ui.forms.file_loading import MAX_FILE_BYTES
from fizzly_desktop.ui.forms.files import FileField, FileListField
from fizzly_desktop.ui.forms.form_panel import FormPanel, check_webhook_url
from fizzly_desktop.ui.forms.group import FieldRow, FormSection, ObjectField
from fizzly_desktop.ui.forms.lists import ListField
from fizzly_desktop.ui.forms.numbers import NumberField, SeedField
from fizzly_desktop.ui.forms.presets import PresetBar
from fizzly_desktop.ui.forms.reorder import ReorderButtons
from fizzly_desktop.ui.forms.schema_form import SchemaForm

__all__ = [
    "KIND_NAMES",
    "MAX_FILE_BYTES",
    "OMITTED",
    "BooleanField",
    "EnumField",
    "FieldDraft",
    "FieldEditorDialog",
    "FieldRow",
    "FieldWidget",
    "FileField",
    "FileListField",
    "FormPanel",
    "FormSection",
    "JsonField",
    "LineField",
    "ListField",
    "NumberField",
    "ObjectField",
    "PresetBar",
    "ReorderButtons",
    "SchemaForm",
    "SeedField",
    "TextField",
    "check_webhook_url",
    "create_field_widget",
    "field_widget_class",
    "register_field_widget",
]

"""Input forms generated from a workflow's JSON Schema: one editor per input, validated as typed.

The package loads its modules when a name is first asked for (PEP 562), so that the main window's
skeleton can import ``forms.form_panel`` before the first paint without loading the schema
machinery (jsonschema) and every editor. Any name taken from the package also loads ``group``,
which registers the object editor with the factory.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget
    from fizzly_desktop.ui.forms.colors import ColorField
    from fizzly_desktop.ui.forms.factory import (
        create_field_widget,
        field_widget_class,
        register_field_widget,
    )
    from fizzly_desktop.ui.forms.field_draft import KIND_NAMES, FieldDraft
    from fizzly_desktop.ui.forms.field_editor import FieldEditorDialog
    from fizzly_desktop.ui.forms.fields import (
        BooleanField,
        EnumField,
        JsonField,
        LineField,
        TextField,
    )
    from fizzly_desktop.ui.forms.file_loading import MAX_FILE_BYTES
    from fizzly_desktop.ui.forms.files import FileField, FileListField
    from fizzly_desktop.ui.forms.form_panel import FormPanel, check_webhook_url
    from fizzly_desktop.ui.forms.group import FieldRow, FormSection, ObjectField
    from fizzly_desktop.ui.forms.lists import ListField
    from fizzly_desktop.ui.forms.numbers import NumberField, SeedField
    from fizzly_desktop.ui.forms.object_lists import ObjectListField
    from fizzly_desktop.ui.forms.presets import PresetBar
    from fizzly_desktop.ui.forms.reorder import ReorderButtons
    from fizzly_desktop.ui.forms.schema_form import SchemaForm
    from fizzly_desktop.ui.forms.unions import UnionField

_MODULE_OF: dict[str, str] = {
    "BooleanField": "fizzly_desktop.ui.forms.fields",
    "ColorField": "fizzly_desktop.ui.forms.colors",
    "EnumField": "fizzly_desktop.ui.forms.fields",
    "FieldDraft": "fizzly_desktop.ui.forms.field_draft",
    "FieldEditorDialog": "fizzly_desktop.ui.forms.field_editor",
    "FieldRow": "fizzly_desktop.ui.forms.group",
    "FieldWidget": "fizzly_desktop.ui.forms.base",
    "FileField": "fizzly_desktop.ui.forms.files",
    "FileListField": "fizzly_desktop.ui.forms.files",
    "FormPanel": "fizzly_desktop.ui.forms.form_panel",
    "FormSection": "fizzly_desktop.ui.forms.group",
    "JsonField": "fizzly_desktop.ui.forms.fields",
    "KIND_NAMES": "fizzly_desktop.ui.forms.field_draft",
    "LineField": "fizzly_desktop.ui.forms.fields",
    "ListField": "fizzly_desktop.ui.forms.lists",
    "MAX_FILE_BYTES": "fizzly_desktop.ui.forms.file_loading",
    "NumberField": "fizzly_desktop.ui.forms.numbers",
    "ObjectListField": "fizzly_desktop.ui.forms.object_lists",
    "OMITTED": "fizzly_desktop.ui.forms.base",
    "ObjectField": "fizzly_desktop.ui.forms.group",
    "PresetBar": "fizzly_desktop.ui.forms.presets",
    "ReorderButtons": "fizzly_desktop.ui.forms.reorder",
    "SchemaForm": "fizzly_desktop.ui.forms.schema_form",
    "SeedField": "fizzly_desktop.ui.forms.numbers",
    "TextField": "fizzly_desktop.ui.forms.fields",
    "UnionField": "fizzly_desktop.ui.forms.unions",
    "check_webhook_url": "fizzly_desktop.ui.forms.form_panel",
    "create_field_widget": "fizzly_desktop.ui.forms.factory",
    "field_widget_class": "fizzly_desktop.ui.forms.factory",
    "register_field_widget": "fizzly_desktop.ui.forms.factory",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    importlib.import_module("fizzly_desktop.ui.forms.group")
    importlib.import_module("fizzly_desktop.ui.forms.unions")
    importlib.import_module("fizzly_desktop.ui.forms.object_lists")
    importlib.import_module("fizzly_desktop.ui.forms.colors")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "KIND_NAMES",
    "MAX_FILE_BYTES",
    "OMITTED",
    "BooleanField",
    "ColorField",
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
    "ObjectListField",
    "PresetBar",
    "ReorderButtons",
    "SchemaForm",
    "SeedField",
    "TextField",
    "UnionField",
    "check_webhook_url",
    "create_field_widget",
    "field_widget_class",
    "register_field_widget",
]

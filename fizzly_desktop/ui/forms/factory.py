"""Which editor a schema field gets: a registry from field kinds to FieldWidget classes.

The leaf editors (``fields``, ``numbers``, ``lists``, ``files``) import only ``base``; editors
that hold other editors (an object's group) register their kind here from their own module, so
no editor module imports another.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fizzly_desktop.core.schema import FieldSpec
from fizzly_desktop.ui.forms.base import FieldWidget
from fizzly_desktop.ui.forms.fields import BooleanField, EnumField, JsonField, LineField, TextField
from fizzly_desktop.ui.forms.files import FileField, FileListField
from fizzly_desktop.ui.forms.lists import ListField
from fizzly_desktop.ui.forms.numbers import NumberField, SeedField

_WIDGETS: dict[str, type[FieldWidget]] = {
    "string": LineField,
    "password": LineField,
    "text": TextField,
    "enum": EnumField,
    "integer": NumberField,
    "number": NumberField,
    "boolean": BooleanField,
    "string_list": ListField,
    "number_list": ListField,
    "file": FileField,
}
#: Kinds whose editor depends on one more property of the field: (kind, property) -> class.
_VARIANTS: dict[tuple[str, str], type[FieldWidget]] = {
    ("integer", "is_seed"): SeedField,
    ("number", "is_seed"): SeedField,
    ("file", "multiple"): FileListField,
}


def register_field_widget(kind: str, widget: type[FieldWidget]) -> None:
    """Make ``widget`` the editor of fields of ``kind`` (an editor module calls this once)."""
    _WIDGETS[kind] = widget


def field_widget_class(spec: FieldSpec) -> type[FieldWidget]:
    """The editor class that fits a field; JSON text for any kind without one."""
    for (kind, flag), widget in _VARIANTS.items():
        if spec.kind == kind and getattr(spec, flag):
            return widget
    return _WIDGETS.get(spec.kind, JsonField)


def create_field_widget(spec: FieldSpec, parent: QWidget | None = None) -> FieldWidget:
    """The editor that fits a field's kind."""
    return field_widget_class(spec)(spec, parent)

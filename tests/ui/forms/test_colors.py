"""Colour inputs: an RGB object gets a swatch and a hex code; a list of them, a palette."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.ui.forms import ColorField, ObjectListField, SchemaForm

CHANNEL = {"type": "integer", "minimum": 0, "maximum": 255}
RGB = {
    "type": "object",
    "required": ["r", "g", "b"],
    "properties": {"r": CHANNEL, "g": CHANNEL, "b": CHANNEL},
}


def obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


SCHEMA = InputSchema.from_document(
    obj(
        background={**RGB, "title": "Background"},
        palette={"type": "array", "items": RGB, "title": "Colors", "maxItems": 5},
    )
)


def test_rgb_objects_are_colours_in_the_schema() -> None:
    background, palette = SCHEMA.fields
    assert background.kind == "color"
    assert palette.kind == "object_list"
    assert [child.name for child in palette.fields] == ["r", "g", "b"]


def test_a_colour_is_typed_as_a_hex_code(qtbot: QtBot) -> None:
    form = SchemaForm(SCHEMA)
    qtbot.addWidget(form)
    field = form.field_widget("background")
    assert isinstance(field, ColorField)
    assert "background" not in form.values()
    qtbot.keyClicks(field.hex_edit, "#ff8800")
    form.validate_now()
    assert form.values()["background"] == {"r": 255, "g": 136, "b": 0}
    assert form.is_valid()
    field.hex_edit.clear()
    qtbot.keyClicks(field.hex_edit, "orange-ish")
    form.show_all_errors()
    assert form.error_text("background") == "Background must be a colour code such as #ff8800."
    assert not form.is_valid()


def test_a_list_of_colours_is_a_palette_of_pickers(qtbot: QtBot) -> None:
    form = SchemaForm(SCHEMA)
    qtbot.addWidget(form)
    palette = form.field_widget("palette")
    assert isinstance(palette, ObjectListField)
    qtbot.mouseClick(palette.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(palette.add_button, Qt.MouseButton.LeftButton)
    first, second = palette.rows
    assert isinstance(first, ColorField)
    assert isinstance(second, ColorField)
    first.set_color(QColor("#000000"))
    qtbot.keyClicks(second.hex_edit, "#ffffff")
    form.validate_now()
    assert form.values()["palette"] == [
        {"r": 0, "g": 0, "b": 0},
        {"r": 255, "g": 255, "b": 255},
    ]
    assert form.set_values({"palette": [{"r": 1, "g": 2, "b": 3}]}) == []
    assert form.unknown_values() == {}
    assert len(palette.rows) == 1
    assert palette.rows[0].value() == {"r": 1, "g": 2, "b": 3}

"""Colour inputs: an RGB object edited with a swatch, a colour dialog and a hex code."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QLineEdit, QToolButton, QWidget

from fizzly_desktop.core.schema import FieldSpec, color_channels
from fizzly_desktop.ui.colors import PICKER_START
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget, is_number
from fizzly_desktop.ui.forms.factory import register_field_widget
from fizzly_desktop.ui.i18n import translate

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


class ColorField(FieldWidget):
    """A colour given to the model as ``{"r": 0-255, "g": …, "b": …}``."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.channels = color_channels(spec) or ("r", "g", "b")
        self._color: QColor | None = None
        self.swatch = QToolButton()
        self.swatch.setFixedWidth(44)
        self.swatch.setToolTip(translate("ColorField", "Choose a colour"))
        self.swatch.setAccessibleName(
            translate("ColorField", "{title}: choose a colour").format(title=spec.title)
        )
        self.swatch.clicked.connect(self._on_swatch_clicked)
        self.hex_edit = QLineEdit()
        self.hex_edit.setPlaceholderText("#rrggbb")
        self.hex_edit.setMaximumWidth(110)
        self.hex_edit.textEdited.connect(self._on_hex_edited)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.swatch)
        layout.addWidget(self.hex_edit)
        layout.addStretch(1)
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.hex_edit

    def set_color(self, color: QColor | None) -> None:
        """Show ``color`` (None: no colour chosen)."""
        self._color = QColor(color) if color is not None and color.isValid() else None
        if self._color is None:
            self.swatch.setStyleSheet("")
            self.swatch.setText("…")
            if _HEX.match(self.hex_edit.text()):
                self.hex_edit.clear()
        else:
            self.swatch.setText("")
            self.swatch.setStyleSheet(f"background-color: {self._color.name()};")
            if self.hex_edit.text().lower().lstrip("#") != self._color.name()[1:]:
                self.hex_edit.setText(self._color.name())

    def _on_swatch_clicked(self) -> None:
        chosen = QColorDialog.getColor(self._color or PICKER_START, self, self.spec.title)
        if chosen.isValid():
            self.set_color(chosen)
            self.changed.emit()

    def _on_hex_edited(self, text: str) -> None:
        match = _HEX.match(text.strip())
        self.set_color(QColor("#" + match.group(1)) if match else None)
        self.changed.emit()

    def value(self) -> Any:
        if self._color is None:
            return OMITTED
        r, g, b = self.channels
        return {r: self._color.red(), g: self._color.green(), b: self._color.blue()}

    def set_value(self, value: Any) -> bool:
        if value is None:
            self.hex_edit.clear()
            self.set_color(None)
            self.changed.emit()
            return True
        if not isinstance(value, dict) or set(value) != set(self.channels):
            return False
        parts = [value[name] for name in self.channels]
        if not all(is_number(p) and float(p).is_integer() and 0 <= p <= 255 for p in parts):
            return False
        self.set_color(QColor(int(parts[0]), int(parts[1]), int(parts[2])))
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value(None)

    def local_error(self) -> str | None:
        text = self.hex_edit.text().strip()
        if text and self._color is None:
            example = "#ff8800"  # a colour as data
            return translate(
                "ColorField", "{title} must be a colour code such as {example}."
            ).format(title=self.spec.title, example=example)
        return None


register_field_widget("color", ColorField)

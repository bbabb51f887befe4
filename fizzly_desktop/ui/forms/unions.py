"""Inputs of several shapes: a preset or a custom value, and repeatable rows of small forms."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import FieldKind, FieldSpec, color_channels, preset_label
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget, is_number
from fizzly_desktop.ui.forms.factory import create_field_widget, register_field_widget
from fizzly_desktop.ui.forms.group import ObjectField

#: What the choice of a non-preset shape is called in the list of presets.
_SHAPE_WORDS = {
    "object": "Custom…",
    "string": "Text",
    "text": "Text",
    "password": "Text",
    "integer": "A number",
    "number": "A number",
    "boolean": "Yes or no",
    "string_list": "Several texts",
    "number_list": "Several numbers",
    "object_list": "Several entries",
}


def _fits(variant: FieldSpec, value: Any) -> bool:
    """Whether ``value`` has the JSON shape of ``variant`` (so its editor may show it)."""
    kind = variant.kind
    if kind in ("object",):
        return isinstance(value, dict)
    if kind in ("string_list", "number_list", "object_list") or (
        kind == "file" and variant.multiple
    ):
        return isinstance(value, list)
    if kind in ("string", "text", "password", "file"):
        return isinstance(value, str)
    if kind == "integer":
        return is_number(value) and float(value).is_integer()
    if kind == "number":
        return is_number(value)
    if kind == "boolean":
        return isinstance(value, bool)
    return False


def _shape_word(variant: FieldSpec) -> str:
    if variant.kind == "file":
        return "Several files" if variant.multiple else "One file"
    return _SHAPE_WORDS.get(variant.kind, "Other")


class UnionField(FieldWidget):
    """A choice of presets plus the other shapes the input takes ("Custom…" → width × height).

    The combo lists every preset of the input's fixed-value shapes, then one entry per other
    shape; choosing such an entry reveals that shape's editor under the combo.
    """

    NONE_TEXT = "(none)"
    NOT_SET_TEXT = "(not set)"

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(160)
        self.stack = QStackedWidget()
        #: Per combo entry: ("const", value) or ("shape", index into ``editors``).
        self._entries: list[tuple[str, Any]] = []
        self.editors: list[FieldWidget] = []
        if not spec.required and not spec.has_default and not spec.nullable:
            self._add(self.NOT_SET_TEXT, ("const", OMITTED))
        if spec.nullable:
            self._add(self.NONE_TEXT, ("const", None))
        for variant in spec.variants:
            if variant.kind == "enum":
                for choice in variant.choices:
                    self._add(preset_label(choice), ("const", choice))
                continue
            shown = replace(variant, title=spec.title, description="", required=True)
            editor = create_field_widget(shown)
            if isinstance(editor, ObjectField):
                # The input's label is already beside the choice; the group needs no title.
                editor.group.setTitle("")
            editor.changed.connect(self.changed)
            self.stack.addWidget(editor)
            self._add(_shape_word(variant), ("shape", len(self.editors)))
            self.editors.append(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.combo)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.stack)
        self.combo.currentIndexChanged.connect(self._show_current)
        self.combo.activated.connect(lambda _index: self.changed.emit())
        self.reset()

    def _add(self, text: str, entry: tuple[str, Any]) -> None:
        self._entries.append(entry)
        self.combo.addItem(text)

    def _show_current(self, index: int) -> None:
        entry = self._entries[index] if 0 <= index < len(self._entries) else ("const", OMITTED)
        if entry[0] == "shape":
            self.stack.setCurrentIndex(entry[1])
        self.stack.setVisible(entry[0] == "shape")

    def focus_widget(self) -> QWidget:
        return self.combo

    def choice_texts(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def current_editor(self) -> FieldWidget | None:
        """The editor of the custom shape chosen, or None while a preset is chosen."""
        index = self.combo.currentIndex()
        if 0 <= index < len(self._entries) and self._entries[index][0] == "shape":
            position: int = self._entries[index][1]
            return self.editors[position]
        return None

    def choose(self, text: str) -> None:
        """Pick the entry shown as ``text`` (a preset or "Custom…"), as a click would."""
        index = self.combo.findText(text)
        if index < 0:
            raise ValueError(f"{self.spec.title} offers no {text!r}")
        self.combo.setCurrentIndex(index)
        self.changed.emit()

    def value(self) -> Any:
        editor = self.current_editor()
        if editor is not None:
            return editor.value()
        index = self.combo.currentIndex()
        return self._entries[index][1] if 0 <= index < len(self._entries) else OMITTED

    def set_value(self, value: Any) -> bool:
        for index, (what, payload) in enumerate(self._entries):
            if what == "const" and payload is not OMITTED and _same(payload, value):
                self.combo.setCurrentIndex(index)
                self.changed.emit()
                return True
        for index, (what, payload) in enumerate(self._entries):
            if what != "shape":
                continue
            editor = self.editors[payload]
            if _fits(editor.spec, value) and editor.set_value(value):
                self.combo.setCurrentIndex(index)
                self.changed.emit()
                return True
        return False

    def _clear_to_empty(self) -> None:
        self.combo.setCurrentIndex(0)
        self._show_current(0)

    def local_error(self) -> str | None:
        editor = self.current_editor()
        return editor.local_error() if editor is not None else None

    def child_widget(self, name: str) -> FieldWidget | None:
        editor = self.current_editor()
        return editor.child_widget(name) if editor is not None else None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if a is None or b is None:
        return a is None and b is None
    if is_number(a) and is_number(b):
        return bool(a == b)
    return type(a) is type(b) and a == b


class ObjectListField(FieldWidget):
    """Repeatable rows of a small form (LoRAs: path and scale) with add, remove and reorder."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        item_kind: FieldKind = "color" if color_channels(spec) else "object"
        self.item_spec = FieldSpec(
            name=spec.name, kind=item_kind, title=spec.title, required=True, fields=spec.fields
        )
        self.rows: list[FieldWidget] = []
        self._frames: list[QFrame] = []
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(4)
        self.add_button = QToolButton()
        self.add_button.setText(f"Add {_singular(spec.title).lower()}")
        self.add_button.clicked.connect(self._on_add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.rows_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.add_button

    # --- rows ---

    def add_row(self, value: dict[str, Any] | None = None) -> FieldWidget:
        """A new row at the end (its inputs at their defaults, or ``value``)."""
        # A list of colours is a palette: one colour picker per row.
        row = create_field_widget(self.item_spec)
        if value is not None and not row.set_value(value):
            row.deleteLater()
            raise ValueError("value does not fit a row")
        frame = QFrame()
        line = QHBoxLayout(frame)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(row, 1)
        buttons = QVBoxLayout()
        for text, tip, slot in (
            ("↑", "Move up", lambda: self.move_row(self._index_of(row), -1)),
            ("↓", "Move down", lambda: self.move_row(self._index_of(row), 1)),
            ("✕", "Remove", lambda: self.remove_row(self._index_of(row))),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        line.addLayout(buttons)
        row.changed.connect(self.changed)
        self.rows.append(row)
        self._frames.append(frame)
        self.rows_box.addWidget(frame)
        self._retitle()
        return row

    def _index_of(self, row: FieldWidget) -> int:
        return self.rows.index(row)

    def remove_row(self, index: int) -> None:
        row, frame = self.rows.pop(index), self._frames.pop(index)
        self.rows_box.removeWidget(frame)
        frame.deleteLater()
        del row
        self._retitle()
        self.changed.emit()

    def move_row(self, index: int, step: int) -> None:
        target = index + step
        if not 0 <= target < len(self.rows):
            return
        self.rows.insert(target, self.rows.pop(index))
        frame = self._frames.pop(index)
        self._frames.insert(target, frame)
        self.rows_box.removeWidget(frame)
        self.rows_box.insertWidget(target, frame)
        self._retitle()
        self.changed.emit()

    def _retitle(self) -> None:
        word = _singular(self.spec.title)
        for number, row in enumerate(self.rows, start=1):
            if isinstance(row, ObjectField):
                row.group.setTitle(f"{word} {number}")
        full = self.spec.max_items is not None and len(self.rows) >= self.spec.max_items
        self.add_button.setEnabled(not full)

    def _on_add_clicked(self) -> None:
        self.add_row()
        self.changed.emit()

    def _clear_rows(self) -> None:
        while self.rows:
            self.remove_row(len(self.rows) - 1)

    # --- value ---

    def value(self) -> Any:
        if not self.rows and not (self.spec.required or self.spec.has_default):
            return OMITTED
        return [row.value() for row in self.rows]

    def set_value(self, value: Any) -> bool:
        if value is None:
            self._clear_rows()
            return self.spec.nullable or not self.spec.required
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            return False
        self._clear_rows()
        try:
            for item in value:
                self.add_row(item)
        except ValueError:
            self._clear_rows()
            return False
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self._clear_rows()

    def local_error(self) -> str | None:
        for row in self.rows:
            problem = row.local_error()
            if problem:
                return problem
        return None


def _singular(title: str) -> str:
    """ "Loras" → "Lora", "Image URLs" → "Image URL": a row's name from the list's."""
    if title.endswith("ies"):
        return title[:-3] + "y"
    if title.endswith("s") and not title.endswith("ss"):
        return title[:-1]
    return title


register_field_widget("union", UnionField)
register_field_widget("object_list", ObjectListField)

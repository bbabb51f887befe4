"""Repeatable rows of small forms: LoRAs, ControlNets, a palette, a chat's messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import FieldKind, FieldSpec, color_channels
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget
from fizzly_desktop.ui.forms.factory import create_field_widget, register_field_widget
from fizzly_desktop.ui.forms.group import ObjectField
from fizzly_desktop.ui.i18n import translate


class ObjectListField(FieldWidget):
    """Repeatable rows of a small form (LoRAs: path and scale) with add, remove and reorder.

    When each item is a choice between objects (a chat message: text, or tool calls), each row
    is a titled group holding that choice, its chosen object's inputs below it.
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        item_kind: FieldKind = "color" if color_channels(spec) else "object"
        if spec.variants:
            item_kind = "union"
        self.item_spec = FieldSpec(
            name=spec.name,
            kind=item_kind,
            title=spec.title,
            required=True,
            fields=spec.fields,
            variants=spec.variants,
        )
        self.rows: list[FieldWidget] = []
        self._frames: list[QFrame] = []
        self._titled: list[QGroupBox | None] = []
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(4)
        self.add_button = QToolButton()
        self.add_button.setText(
            translate("ObjectListField", "Add {in_sentence}").format(
                in_sentence=_in_sentence(_singular(spec.title))
            )
        )
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

    def add_row(self, value: Any = None) -> FieldWidget:
        """A new row at the end (its inputs at their defaults, or ``value``)."""
        # A list of colours is a palette: one colour picker per row.
        row = create_field_widget(self.item_spec)
        if value is not None and not row.set_value(value):
            row.deleteLater()
            raise ValueError("value does not fit a row")
        frame = QFrame()
        line = QHBoxLayout(frame)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        titled: QGroupBox | None = None
        if isinstance(row, ObjectField):
            titled = row.group
            line.addWidget(row, 1)
        elif self.spec.variants:
            # A choice has no group of its own: the row's title goes on one around it.
            titled = QGroupBox()
            QVBoxLayout(titled).addWidget(row)
            line.addWidget(titled, 1)
        else:
            line.addWidget(row, 1)
        inner = titled.layout() if titled is not None else None
        if inner is not None:
            # Rows nest (a message's parts): slim margins keep deep ones within the panel.
            inner.setContentsMargins(*_ROW_MARGINS)
        buttons = QVBoxLayout()
        for text, tip, slot in (
            (
                "↑",
                translate("ObjectListField", "Move up"),
                lambda: self.move_row(self._index_of(row), -1),
            ),
            (
                "↓",
                translate("ObjectListField", "Move down"),
                lambda: self.move_row(self._index_of(row), 1),
            ),
            (
                "✕",
                translate("ObjectListField", "Remove"),
                lambda: self.remove_row(self._index_of(row)),
            ),
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
        self._titled.append(titled)
        self.rows_box.addWidget(frame)
        self._retitle()
        return row

    def _index_of(self, row: FieldWidget) -> int:
        return self.rows.index(row)

    def row_title(self, index: int) -> str:
        """The title shown on a row ("Lora 2", "Message 1"), "" for an untitled one."""
        titled = self._titled[index]
        return titled.title() if titled is not None else ""

    def remove_row(self, index: int) -> None:
        row, frame = self.rows.pop(index), self._frames.pop(index)
        self._titled.pop(index)
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
        self._titled.insert(target, self._titled.pop(index))
        frame = self._frames.pop(index)
        self._frames.insert(target, frame)
        self.rows_box.removeWidget(frame)
        self.rows_box.insertWidget(target, frame)
        self._retitle()
        self.changed.emit()

    def _retitle(self) -> None:
        word = _singular(self.spec.title)
        for number, titled in enumerate(self._titled, start=1):
            if titled is not None:
                titled.setTitle(f"{word} {number}")
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
        if not isinstance(value, list):
            return False
        if not self.spec.variants and not all(isinstance(item, dict) for item in value):
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
        if self.spec.required and not self.spec.has_default:
            # A list that must be given (a chat's messages) starts with a row to fill in,
            # rather than a button a person has to find first.
            self.add_row()

    def local_error(self) -> str | None:
        for row in self.rows:
            problem = row.local_error()
            if problem:
                return problem
        return None


#: Inner margins of a row's group (left, top, right, bottom).
_ROW_MARGINS = (6, 6, 6, 6)


def _in_sentence(title: str) -> str:
    """A title inside a sentence: "Image URL" → "image URL", "LoRA" stays "LoRA"."""
    return " ".join(w.lower() if w == w.capitalize() else w for w in title.split(" "))


def _singular(title: str) -> str:
    """ "Loras" → "Lora", "Image URLs" → "Image URL": a row's name from the list's."""
    if title.endswith("ies"):
        return title[:-3] + "y"
    if title.endswith("s") and not title.endswith("ss"):
        return title[:-1]
    return title


register_field_widget("object_list", ObjectListField)

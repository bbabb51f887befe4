"""List inputs: an editable, ordered list of texts or numbers."""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import FieldSpec
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget, is_number
from fizzly_desktop.ui.forms.reorder import ReorderButtons
from fizzly_desktop.ui.i18n import translate


class ListField(FieldWidget):
    """An editable, ordered list of texts or numbers."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.numbers = spec.kind == "number_list"
        self.items = QListWidget()
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        line = self.items.fontMetrics().lineSpacing()
        self.items.setMinimumHeight(line * 3 + 10)
        self.items.setMaximumHeight(line * 6 + 10)
        self.add_button = QToolButton()
        self.add_button.setText(translate("ListField", "Add"))
        self.remove_button = QToolButton()
        self.remove_button.setText(translate("ListField", "Remove"))
        self.reorder = ReorderButtons(Qt.Orientation.Vertical)
        self.up_button = self.reorder.up_button
        self.down_button = self.reorder.down_button
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        for button in (self.add_button, self.remove_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
        buttons.addWidget(self.reorder)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reorder.move_requested.connect(self.move_selected)
        self.items.itemChanged.connect(lambda _item: self.changed.emit())
        self.items.model().rowsMoved.connect(lambda *_args: self.changed.emit())
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.items

    def _new_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def texts(self) -> list[str]:
        return [self.items.item(i).text() for i in range(self.items.count())]

    def add_item(self, text: str = "") -> QListWidgetItem:
        item = self._new_item(text)
        with QSignalBlocker(self.items):
            self.items.addItem(item)
        self.items.setCurrentItem(item)
        self.changed.emit()
        return item

    def _on_add_clicked(self) -> None:
        self.items.editItem(self.add_item())

    def remove_selected(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
            self.changed.emit()

    def move_selected(self, delta: int) -> None:
        row = self.items.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.items.count():
            return
        with QSignalBlocker(self.items):
            item = self.items.takeItem(row)
            self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self.changed.emit()

    def _parsed(self) -> tuple[list[Any], int | None]:
        values: list[Any] = []
        for index, text in enumerate(self.texts()):
            stripped = text.strip()
            if not self.numbers:
                values.append(text)
                continue
            if not stripped:
                continue
            try:
                number = float(stripped)
            except ValueError:
                return values, index
            if self.spec.integer_items:
                if not number.is_integer() or not re.fullmatch(r"-?\d+(\.0*)?", stripped):
                    return values, index
                values.append(int(number))
            elif not math.isfinite(number):
                return values, index
            else:
                values.append(int(number) if re.fullmatch(r"-?\d+", stripped) else number)
        return values, None

    def value(self) -> Any:
        values, bad = self._parsed()
        # An empty list is "nothing given": a required input then reads as missing.
        if bad is not None or not values:
            return OMITTED
        return values

    def local_error(self) -> str | None:
        _, bad = self._parsed()
        if bad is None:
            return None
        kind = (
            translate("ListField", "a whole number")
            if self.spec.integer_items
            else translate("ListField", "a number")
        )
        return translate("ListField", "{title} item {value} must be {kind}.").format(
            title=self.spec.title, value=bad + 1, kind=kind
        )

    def set_value(self, value: Any) -> bool:
        if value is None:
            values: list[Any] = []
        elif isinstance(value, list):
            values = value
        else:
            return False
        if self.numbers:
            if not all(is_number(v) for v in values):
                return False
            if self.spec.integer_items and not all(float(v).is_integer() for v in values):
                return False
            texts = [str(int(v)) if isinstance(v, int) else repr(float(v)) for v in values]
        else:
            if not all(isinstance(v, str) for v in values):
                return False
            texts = list(values)
        with QSignalBlocker(self.items):
            self.items.clear()
            for text in texts:
                self.items.addItem(self._new_item(text))
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value([])

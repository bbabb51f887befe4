"""The sidebar's state filters (All runs, Not sent yet, On the server, …) with live counts.

Signals:
    group_selected(StateGroup): the user picked a filter; the queue shows that group.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from fizzly_desktop.core.runs import StateGroup
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.i18n import translate


def label_of(group: StateGroup) -> str:
    """The group's name in the user's language (core's StateGroup.label)."""
    return group.label


GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


class _CountDelegate(QStyledItemDelegate):
    """Paints the item as usual, then its count right-aligned in the palette's muted text."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.save()
        painter.setPen(option.palette.color(role))
        rect = option.rect.adjusted(0, 0, -10, 0)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(count)
        )
        painter.restore()


class StateFilterList(QListWidget):
    group_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("StateFilterList", "Run filters"))
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_CountDelegate(self))
        self._counts: dict[StateGroup, int] = dict.fromkeys(StateGroup, 0)
        for group in StateGroup:
            item = QListWidgetItem(self)
            item.setData(GROUP_ROLE, group)
            item.setSizeHint(QSize(0, 26))
        self._render()
        self.setCurrentRow(0)
        self.currentItemChanged.connect(self._on_current_item_changed)
        self.setFixedHeight(26 * len(StateGroup) + 4)

    def set_counts(self, counts: Mapping[StateGroup, int]) -> None:
        self._counts.update(counts)
        self._render()

    def count_of(self, group: StateGroup) -> int:
        return self._counts[group]

    def current_group(self) -> StateGroup:
        item = self.currentItem()
        return StateGroup.ALL if item is None else StateGroup(item.data(GROUP_ROLE))

    def select_group(self, group: StateGroup) -> None:
        self.setCurrentRow(list(StateGroup).index(group))

    def _render(self) -> None:
        for row, group in enumerate(StateGroup):
            item = self.item(row)
            count = self._counts[group]
            item.setText(label_of(group))
            item.setData(COUNT_ROLE, count)
            item.setToolTip(f"{label_of(group)}: {plural(count, 'run')}")
            # A filter that needs the user's decision stands out while it has runs in it.
            font = QFont(item.font())
            font.setBold(group is StateGroup.NEEDS_ATTENTION and count > 0)
            item.setFont(font)

    def _on_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.group_selected.emit(StateGroup(current.data(GROUP_ROLE)))
